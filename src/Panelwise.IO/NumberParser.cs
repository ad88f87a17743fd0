using System.Globalization;

namespace Panelwise.IO;

/// <summary>Parses decimal numbers straight from UTF-8 bytes. Results equal
/// <c>double.Parse(s, CultureInfo.InvariantCulture)</c> bit for bit: the fast path only fires when it is
/// exact (Clinger: mantissa below 2^53 and a power of ten up to 1e22, both exact doubles, so one IEEE
/// multiply or divide rounds correctly); everything else goes to the runtime parser.</summary>
internal static class NumberParser
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a whole span (already trimmed); false when it is not exactly one number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        int end = ParsePrefix(s, 0, out value);
        return end == s.Length && end > 0;
    }

    /// <summary>Parses the longest number starting at <paramref name="pos"/>: returns the index after it,
    /// or -1 when no number starts there. The caller checks that a field terminator follows.</summary>
    public static int ParsePrefix(ReadOnlySpan<byte> s, int pos, out double value)
    {
        value = 0;
        int p = pos;
        int len = s.Length;
        bool negative = false;
        if (p < len && (s[p] == (byte)'-' || s[p] == (byte)'+'))
        {
            negative = s[p] == (byte)'-';
            p++;
        }

        ulong mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        bool anyDigit = false;
        // More than 19 significant digits no longer fit a ulong: hand the text to the runtime parser.
        bool truncated = false;
        uint d;
        while (p < len && (d = (uint)(s[p] - '0')) <= 9)
        {
            anyDigit = true;
            if (significant < 19)
            {
                mantissa = mantissa * 10 + d;
                if (mantissa != 0) significant++;
            }
            else
            {
                truncated = true;
                exp10++;
            }
            p++;
        }
        if (p < len && s[p] == (byte)'.')
        {
            p++;
            while (p < len && (d = (uint)(s[p] - '0')) <= 9)
            {
                anyDigit = true;
                if (significant < 19)
                {
                    mantissa = mantissa * 10 + d;
                    if (mantissa != 0) significant++;
                    exp10--;
                }
                else
                {
                    truncated = true;
                }
                p++;
            }
        }
        if (!anyDigit) return -1;

        if (p < len && (s[p] | 0x20) == (byte)'e')
        {
            int q = p + 1;
            bool expNegative = false;
            if (q < len && (s[q] == (byte)'-' || s[q] == (byte)'+'))
            {
                expNegative = s[q] == (byte)'-';
                q++;
            }
            if (q >= len || (uint)(s[q] - '0') > 9) return -1;
            int e = 0;
            while (q < len && (d = (uint)(s[q] - '0')) <= 9)
            {
                if (e < 100_000) e = e * 10 + (int)d;
                q++;
            }
            exp10 += expNegative ? -e : e;
            p = q;
        }

        if (!truncated && mantissa <= MaxExactMantissa && exp10 >= -22 && exp10 <= 22)
        {
            double m = mantissa;
            value = exp10 < 0 ? m / Pow10[-exp10] : m * Pow10[exp10];
            if (negative) value = -value;
            return p;
        }
        if (mantissa == 0 && !truncated)
        {
            value = negative ? -0.0 : 0.0;
            return p;
        }
        value = double.Parse(s[pos..p], NumberStyles.Float, CultureInfo.InvariantCulture);
        return p;
    }
}
