using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Panelwise.IO.Csv;

/// <summary>Counts newlines and quotes in one pass. The chunker needs both for every byte of the file before
/// parsing starts; two separate <c>Count</c> calls would stream the (uncached) bytes from memory twice.</summary>
internal static class LineCounter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Newlines, int Quotes) Count(ReadOnlySpan<byte> span)
    {
        ref byte start = ref MemoryMarshal.GetReference(span);
        nint length = span.Length;
        nint i = 0;
        int newlines = 0, quotes = 0;
        var lf = Vector256.Create((byte)'\n');
        var quote = Vector256.Create((byte)'"');
        for (; i + 2 * Vector256<byte>.Count <= length; i += 2 * Vector256<byte>.Count)
        {
            var a = Vector256.LoadUnsafe(ref start, (nuint)i);
            var b = Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<byte>.Count));
            newlines += BitOperations.PopCount(Vector256.Equals(a, lf).ExtractMostSignificantBits())
                        + BitOperations.PopCount(Vector256.Equals(b, lf).ExtractMostSignificantBits());
            quotes += BitOperations.PopCount(Vector256.Equals(a, quote).ExtractMostSignificantBits())
                      + BitOperations.PopCount(Vector256.Equals(b, quote).ExtractMostSignificantBits());
        }
        for (; i < length; i++)
        {
            byte x = Unsafe.Add(ref start, i);
            newlines += x == (byte)'\n' ? 1 : 0;
            quotes += x == (byte)'"' ? 1 : 0;
        }
        return (newlines, quotes);
    }
}
