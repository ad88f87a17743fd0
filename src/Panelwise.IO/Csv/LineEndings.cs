using System.Runtime.Intrinsics;
using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>Old Mac files end lines with a lone CR. The readers split rows on LF (a CRLF's CR is trimmed), so a file
/// with any lone CR is normalised once, in memory, to LF before the header is read: CR, LF, CRLF and mixtures then
/// read alike on the fast and the general path. Files with only LF or CRLF are left untouched (one vectorised scan).</summary>
internal static class LineEndings
{
    private const int Window = 1 << 26;

    /// <summary>True when the source holds a CR not followed by LF.</summary>
    public static bool HasLoneCarriageReturn(ByteSource source)
    {
        // Windows overlap by one byte so that a CR at a window's end is judged with the byte after it.
        for (long start = 0; start < source.Length; start += Window)
        {
            int length = (int)Math.Min(Window + 1L, source.Length - start);
            bool atEnd = start + length == source.Length;
            if (source.Use(start, length, span => HasLoneCarriageReturn(span, atEnd))) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="span"/> holds a CR not followed by LF before its last byte (or at it, when
    /// <paramref name="atEnd"/> says the span ends the file).</summary>
    internal static bool HasLoneCarriageReturn(ReadOnlySpan<byte> span, bool atEnd)
    {
        int limit = atEnd ? span.Length : span.Length - 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var cr = Vector256.Create((byte)'\r');
            var lf = Vector256.Create((byte)'\n');
            for (; i + Vector256<byte>.Count < span.Length && i + Vector256<byte>.Count <= limit; i += Vector256<byte>.Count)
            {
                var here = Vector256.Create(span.Slice(i, Vector256<byte>.Count));
                var next = Vector256.Create(span.Slice(i + 1, Vector256<byte>.Count));
                if (Vector256.AndNot(Vector256.Equals(here, cr), Vector256.Equals(next, lf)) != Vector256<byte>.Zero) return true;
            }
        }
        for (; i < limit; i++)
            if (span[i] == (byte)'\r' && (i + 1 == span.Length || span[i + 1] != (byte)'\n')) return true;
        return false;
    }

    /// <summary>The whole source with every lone CR outside a quoted field turned into LF (a lone CR inside quotes is
    /// the cell's own text and is kept). A quote opens a field only at its start: after a line break or a delimiter
    /// (<paramref name="delimiter"/>, or any of comma, tab and semicolon when it is not given yet).</summary>
    public static byte[] Normalise(ByteSource source, string path, char? delimiter)
    {
        if (source.Length > Array.MaxLength)
            throw DataException.Unreadable(path, null, null, "it ends lines with a lone CR (old Mac style) and is larger than 2 GB: convert its line endings to LF.");
        var bytes = new byte[source.Length];
        for (long start = 0; start < bytes.Length; start += Window)
        {
            int length = (int)Math.Min(Window, bytes.Length - start);
            source.Use(start, length, span => { span.CopyTo(bytes.AsSpan((int)start)); return 0; });
        }
        Normalise(bytes, delimiter);
        return bytes;
    }

    internal static void Normalise(Span<byte> bytes, char? delimiter)
    {
        bool quoted = false;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (quoted)
            {
                if (b != (byte)'"') continue;
                if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'"') i++;
                else quoted = false;
            }
            else if (b == (byte)'"') quoted = i == 0 || IsFieldBoundary(bytes[i - 1], delimiter);
            else if (b == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')) bytes[i] = (byte)'\n';
        }
    }

    private static bool IsFieldBoundary(byte previous, char? delimiter) =>
        previous is (byte)'\n' or (byte)'\r' || (delimiter is char d ? previous == d : previous is (byte)',' or (byte)'\t' or (byte)';');
}
