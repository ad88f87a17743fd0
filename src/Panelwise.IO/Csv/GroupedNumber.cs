namespace Panelwise.IO.Csv;

/// <summary>Numbers written with thousands separators ("1,234.5", "1 234"): accepted only when the groups
/// are well formed (1-3 leading digits, then groups of exactly 3), so "1,5" or "12 34" stay junk.</summary>
internal static class GroupedNumber
{
    public static bool TryParse(ReadOnlySpan<byte> s, bool allowComma, out double value)
    {
        value = 0;
        if (s.Length > 64) return false;
        int i = 0;
        if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+')) i++;
        int lead = 0;
        while (i + lead < s.Length && IsDigit(s[i + lead])) lead++;
        if (lead is 0 or > 3 || i + lead >= s.Length) return false;
        byte sep = s[i + lead];
        if (!(sep == (byte)' ' || (allowComma && sep == (byte)','))) return false;

        Span<byte> clean = stackalloc byte[s.Length];
        int n = 0;
        for (int k = 0; k < i + lead; k++) clean[n++] = s[k];
        int p = i + lead;
        while (p < s.Length && s[p] == sep)
        {
            if (p + 4 > s.Length || !IsDigit(s[p + 1]) || !IsDigit(s[p + 2]) || !IsDigit(s[p + 3])) return false;
            if (p + 4 < s.Length && IsDigit(s[p + 4])) return false;
            clean[n++] = s[p + 1];
            clean[n++] = s[p + 2];
            clean[n++] = s[p + 3];
            p += 4;
        }
        // The rest (fraction, exponent) must be an ordinary number tail.
        s[p..].CopyTo(clean[n..]);
        n += s.Length - p;
        return NumberParser.TryParse(clean[..n], out value);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
