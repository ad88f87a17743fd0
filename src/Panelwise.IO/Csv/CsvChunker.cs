namespace Panelwise.IO.Csv;

/// <summary>A run of complete rows. <see cref="Capacity"/> bounds its row count (newlines, plus one for an
/// unterminated last line), which lets every chunk write straight into the final column arrays.</summary>
internal sealed record Chunk(long Start, int Length, int Capacity);

/// <summary>Splits the data region at newlines into chunks small enough to map one at a time.</summary>
internal static class CsvChunker
{
    private const int TargetChunkBytes = 32 << 20;
    private const int SingleChunkBytes = 1 << 20;

    public static List<Chunk> Split(ByteSource source, long dataStart, int threads)
    {
        long size = source.Length - dataStart;
        int n = size < SingleChunkBytes ? 1 : (int)Math.Max(2L * threads, (size + TargetChunkBytes - 1) / TargetChunkBytes);
        var bounds = new List<long> { dataStart };
        for (int k = 1; k < n; k++)
        {
            long target = dataStart + size * k / n;
            if (target <= bounds[^1]) continue;
            long next = AfterNewline(source, target);
            if (next < 0 || next >= source.Length) break;
            if (next > bounds[^1]) bounds.Add(next);
        }
        bounds.Add(source.Length);

        int count = bounds.Count - 1;
        var stats = new (int Newlines, int Quotes, bool Terminated)[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            stats[i] = source.Use(bounds[i], checked((int)(bounds[i + 1] - bounds[i])), span =>
            {
                var (newlines, quotes) = LineCounter.Count(span);
                return (newlines, quotes, span.Length > 0 && span[^1] == (byte)'\n');
            });
        });

        // A boundary after an odd number of quotes sits inside a quoted field with an embedded newline:
        // merge across it. Well-formed CSV quotes come in pairs, so even parity means outside quotes.
        var chunks = new List<Chunk>();
        long start = bounds[0];
        int newlines = 0;
        long quotes = 0;
        for (int i = 0; i < count; i++)
        {
            newlines += stats[i].Newlines;
            quotes += stats[i].Quotes;
            bool last = i == count - 1;
            if (!last && quotes % 2 != 0) continue;
            int capacity = newlines + (stats[i].Terminated ? 0 : 1);
            chunks.Add(new Chunk(start, checked((int)(bounds[i + 1] - start)), capacity));
            start = bounds[i + 1];
            newlines = 0;
        }
        return chunks;
    }

    /// <summary>The offset just after the first newline at or after <paramref name="from"/>, or -1.</summary>
    private static long AfterNewline(ByteSource source, long from)
    {
        const int Window = 1 << 16;
        while (from < source.Length)
        {
            int length = (int)Math.Min(Window, source.Length - from);
            int k = source.Use(from, length, span => span.IndexOf((byte)'\n'));
            if (k >= 0) return from + k + 1;
            from += length;
        }
        return -1;
    }
}
