using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Panelwise.IO.Csv;

/// <summary>The hot path of <see cref="ChunkParser"/>: one row of plain numbers (no quotes, blanks, NA tokens or
/// text), parsed without bounds checks or per-field slicing and written straight into the column arrays.
/// Anything unusual makes <see cref="Row"/> return -1 and the caller re-parses that row on the general path,
/// which owns every error message; values already written for the row are simply overwritten there.</summary>
/// <remarks>Bounds: the region handed in ends with '\n', and every scan here stops at '\n' (it is neither a
/// digit nor a field byte), so no loop can run past the end without an explicit length check.</remarks>
internal readonly ref struct FastRowParser
{
    private const ulong MaxExactMantissa = 1UL << 53;
    private const int MaxDigits = 19;
    private const int MaxExactPower = 22;

    private readonly ReadOnlySpan<byte> _span;
    private readonly ref byte _buf;
    private readonly byte _delim;
    private readonly int[]? _plan;
    private readonly double[]?[] _outs;

    /// <summary>Reads <paramref name="region"/>, the chunk's bytes up to and including its last '\n', with the
    /// chunk's current column <paramref name="modes"/> (rebuild it when they change).</summary>
    public FastRowParser(ReadOnlySpan<byte> region, byte delimiter, ColumnMode[] modes, double[]?[] outs)
    {
        _span = region;
        _buf = ref MemoryMarshal.GetReference(region);
        _delim = delimiter;
        _plan = Plan(modes);
        _outs = outs;
    }

    /// <summary>False when a text column means every row needs the general path.</summary>
    public bool Usable => _plan is not null;

    /// <summary>The scans assume the delimiter cannot be part of a number or a line end.</summary>
    public static bool Supports(byte delimiter) =>
        !((uint)(delimiter - '0') <= 9 || delimiter is (byte)'.' or (byte)'-' or (byte)'+' or (byte)'e' or (byte)'E'
          or (byte)'"' or (byte)'\n' or (byte)'\r');

    /// <summary>Parses the row starting at <paramref name="p"/> (which must lie inside the region) into index
    /// <paramref name="at"/>; returns the offset after its line end, or -1 to defer the row to the general path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Row(int p, long at)
    {
        ref byte buf = ref _buf;
        var plan = _plan!;
        var outs = _outs;
        int last = plan.Length - 1;
        nint i = p;
        for (int s = 0; s <= last; s++)
        {
            int step = plan[s];
            if (step >= 0)
            {
                nint start = i;
                if (!Number(ref buf, ref i, out double v))
                {
                    // Exponents, '+', long mantissas: the general number parser, still on the fast row.
                    int e = NumberParser.ParsePrefix(_span, (int)start, out v);
                    // An infinity (1e309) leaves the fast row: the general parser reports it with its row and column.
                    if (e < 0 || !double.IsFinite(v)) return -1;
                    i = e;
                }
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(outs[step]!), (nint)at) = v;
            }
            else
            {
                i = FieldSkipper.Skip(ref buf, i, _span.Length, _delim, -step);
                if (i < 0) return -1;
            }
            byte t = Unsafe.Add(ref buf, i);
            if (s < last)
            {
                if (t != _delim) return -1;
                i++;
            }
            else if (t == (byte)'\n') i++;
            else if (t == (byte)'\r' && Unsafe.Add(ref buf, i + 1) == (byte)'\n') i += 2;
            else return -1;
        }
        return (int)i;
    }

    /// <summary>One step per number column (its index) or per run of skipped columns (minus the run's length);
    /// null when there is a text column.</summary>
    private static int[]? Plan(ColumnMode[] modes)
    {
        var plan = new List<int>();
        for (int c = 0; c < modes.Length; c++)
        {
            if (modes[c] == ColumnMode.Text) return null;
            if (modes[c] == ColumnMode.Auto) plan.Add(c);
            else if (plan.Count > 0 && plan[^1] < 0) plan[^1]--;
            else plan.Add(-1);
        }
        return [.. plan];
    }

    /// <summary>[-]digits[.digits] with at most 19 digits, mantissa at most 2^53 and at most 22 decimals, followed
    /// by anything but an exponent: then mantissa / 10^decimals is a single correctly rounded IEEE operation on
    /// exact operands (Clinger), so it equals double.Parse bit for bit. Otherwise false, leaving the position.
    /// Byte loops rather than SWAR: the digit runs here are short and regular, so their exits predict well, and
    /// measured SWAR was slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Number(ref byte buf, ref nint pos, out double value)
    {
        nint i = pos;
        bool negative = Unsafe.Add(ref buf, i) == (byte)'-';
        if (negative) i++;
        nint first = i;
        ulong m = 0;
        uint d;
        while ((d = (uint)(Unsafe.Add(ref buf, i) - '0')) <= 9)
        {
            m = m * 10 + d;
            i++;
        }
        nint digits = i - first;
        nint decimals = 0;
        if (Unsafe.Add(ref buf, i) == (byte)'.')
        {
            i++;
            nint fractionStart = i;
            while ((d = (uint)(Unsafe.Add(ref buf, i) - '0')) <= 9)
            {
                m = m * 10 + d;
                i++;
            }
            decimals = i - fractionStart;
            digits += decimals;
        }
        // Overflowed mantissas (more than 19 digits) are discarded here, before use.
        if (digits == 0 || digits > MaxDigits || decimals > MaxExactPower || m > MaxExactMantissa
            || (Unsafe.Add(ref buf, i) | 0x20) == (byte)'e')
        {
            value = 0;
            return false;
        }
        // Dividing by 10^0 = 1 is exact, and cheaper than a branch that mispredicts between int and decimal columns.
        double x = (double)m / Unsafe.Add(ref MemoryMarshal.GetReference(Pow10), decimals);
        value = negative ? -x : x;
        pos = i;
        return true;
    }

    private static ReadOnlySpan<double> Pow10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
}
