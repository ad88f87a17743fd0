using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>Reads delimited text in parallel: header and encoding first, then chunks of rows parsed
/// independently into the final column arrays, then types reconciled across chunks.</summary>
internal static class CsvFileReader
{
    public static Frame Read(string path, ReadOptions options)
    {
        var (source, layout) = CsvHeader.Open(path, options);
        using (source)
        {
            var modes = SelectColumns(path, layout.Names, options.Columns);
            int threads = Math.Max(1, options.Threads ?? Environment.ProcessorCount);
            var chunks = CsvChunker.Split(source, layout.DataStart, threads);

            var bases = new long[chunks.Count];
            long total = 0;
            for (int k = 0; k < chunks.Count; k++)
            {
                bases[k] = total;
                total += chunks[k].Capacity;
            }
            if (total > Array.MaxLength)
                throw DataException.Unreadable(path, null, null, $"it has more than {Array.MaxLength} rows: split the file.");

            // Uninitialised: every reserved slot is either written by its chunk or cut off when compacting.
            var outs = new double[]?[modes.Length];
            for (int c = 0; c < modes.Length; c++)
                if (modes[c] != ColumnMode.Skip) outs[c] = GC.AllocateUninitializedArray<double>((int)total);

            var results = new ChunkResult[chunks.Count];
            Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
                k => results[k] = ParseChunk(source, layout, chunks[k], modes, outs, bases[k]));

            var assembler = new CsvAssembler(layout, outs, bases, results,
                (k, forced) => ParseChunk(source, layout, chunks[k], forced, outs, bases[k]));
            return assembler.Build();
        }
    }

    private static ChunkResult ParseChunk(ByteSource source, CsvLayout layout, Chunk chunk, ColumnMode[] modes,
        double[]?[] outs, long baseIndex) =>
        source.Use(chunk.Start, chunk.Length,
            span => ChunkParser.Parse(span, layout, modes, outs, baseIndex, chunk.Capacity));

    private static ColumnMode[] SelectColumns(string path, string[] names, IReadOnlySet<string>? wanted)
    {
        var modes = new ColumnMode[names.Length];
        if (wanted is null)
        {
            Array.Fill(modes, ColumnMode.Auto);
            return modes;
        }
        foreach (var name in wanted)
            if (Array.IndexOf(names, name) < 0) throw DataException.MissingColumn(path, name, names);
        for (int c = 0; c < names.Length; c++)
            modes[c] = wanted.Contains(names[c]) ? ColumnMode.Auto : ColumnMode.Skip;
        return modes;
    }
}
