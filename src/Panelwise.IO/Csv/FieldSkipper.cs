using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Panelwise.IO.Csv;

/// <summary>Steps over runs of unwanted fields 32 bytes at a time: with a few columns selected from a wide file
/// most bytes belong to skipped fields, and a byte loop's exit branch would mispredict on every one of them.</summary>
internal static class FieldSkipper
{
    /// <summary>Skips <paramref name="count"/> (at least 1) fields starting at field start <paramref name="i"/>;
    /// returns the offset of the byte that ends the last of them (delimiter or line end), or -1 when the line
    /// ends sooner or one of them opens with a quote (the general parser then takes the row). The bytes must
    /// contain a '\n' at or after <paramref name="i"/> and before <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Skip(ref byte buf, nint i, nint length, byte delimiter, int count)
    {
        var delims = Vector256.Create(delimiter);
        var lf = Vector256.Create((byte)'\n');
        var cr = Vector256.Create((byte)'\r');
        var quote = Vector256.Create((byte)'"');
        uint startCarry = 1; // bit 0 of the next block starts a field
        while (i + Vector256<byte>.Count <= length)
        {
            var v = Vector256.LoadUnsafe(ref buf, (nuint)i);
            uint lines = (Vector256.Equals(v, lf) | Vector256.Equals(v, cr)).ExtractMostSignificantBits();
            uint ends = Vector256.Equals(v, delims).ExtractMostSignificantBits() | lines;
            uint quotes = Vector256.Equals(v, quote).ExtractMostSignificantBits();
            // Only a quote opening a field matters; elsewhere it is an ordinary byte, as on the general path.
            uint bad = lines | (quotes & ((ends << 1) | startCarry));
            int n = BitOperations.PopCount(ends);
            if (n >= count)
            {
                for (int k = 1; k < count; k++) ends &= ends - 1;
                int at = BitOperations.TrailingZeroCount(ends);
                return (bad & ((1u << at) - 1)) != 0 ? -1 : i + at;
            }
            if (bad != 0) return -1;
            count -= n;
            startCarry = ends >> 31;
            i += Vector256<byte>.Count;
        }
        bool atStart = startCarry != 0;
        while (true)
        {
            byte b = Unsafe.Add(ref buf, i);
            if (b == delimiter)
            {
                if (--count == 0) return i;
                atStart = true;
            }
            else if (b is (byte)'\n' or (byte)'\r') return count == 1 ? i : -1;
            else if (atStart && b == (byte)'"') return -1;
            else atStart = false;
            i++;
        }
    }
}
