using System.Runtime.CompilerServices;
using System.Text.Unicode;
using System.Text;
using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>Turns per-chunk results into columns: a column's type is that of its first non-missing value
/// in the file; a numeric column with a later unparsable value is an error, while chunks that guessed
/// numeric for a text column are re-parsed as text. Then rows are compacted and text levels merged.</summary>
internal sealed class CsvAssembler(CsvLayout layout, double[]?[] outs, long[] bases, ChunkResult[] results,
    Func<int, ColumnMode[], ChunkResult> reparse)
{
    private readonly long[] _rowStart = new long[results.Length];

    public Frame Build()
    {
        long rows = 0;
        for (int k = 0; k < results.Length; k++)
        {
            _rowStart[k] = rows;
            rows += results[k].Rows;
        }
        var kinds = new ChunkKind[outs.Length];
        (long Row, Func<DataException> Make)? first = null;
        void Offer(long row, Func<DataException> make)
        {
            if (first is null || row < first.Value.Row) first = (row, make);
        }

        for (int k = 0; k < results.Length; k++)
            if (results[k].Error is { } make)
            {
                long row = _rowStart[k] + results[k].ErrorRow + 1;
                Offer(row, () => make(row));
            }
        for (int c = 0; c < outs.Length; c++)
        {
            if (outs[c] is null) continue;
            kinds[c] = results.Select(r => r.Columns[c]!.Kind).FirstOrDefault(kind => kind != ChunkKind.Empty);
            string name = layout.Names[c];
            if (kinds[c] == ChunkKind.Numeric && FirstJunk(c) is var (row, value)) Offer(row, () =>
                DataException.NotANumber(layout.Path, row, name, value));
        }
        if (first is { } error) throw error.Make();
        if (rows == 0) throw DataException.NoRows(layout.Path);

        ReparseText(kinds);
        var encoding = TextEncoding(kinds);
        var columns = new List<Column>();
        for (int c = 0; c < outs.Length; c++)
        {
            if (outs[c] is null) continue;
            var values = Compact(outs[c]!, rows);
            outs[c] = null;
            columns.Add(kinds[c] == ChunkKind.Text
                ? TextColumn(layout.Names[c], c, values, encoding)
                : new NumericColumn(layout.Names[c], values));
        }
        return new Frame(columns, layout.Path);
    }

    private (long Row, string Value)? FirstJunk(int c)
    {
        for (int k = 0; k < results.Length; k++)
        {
            var col = results[k].Columns[c]!;
            if (col.Kind == ChunkKind.Text) return (_rowStart[k] + col.TextStartRow + 1, Decode(col.TextStartValue!));
            if (col.FailRow >= 0) return (_rowStart[k] + col.FailRow + 1, Decode(col.FailValue!));
        }
        return null;
    }

    private string Decode(byte[] bytes) =>
        (layout.EncodingGuessed && !Utf8.IsValid(bytes) ? CsvHeader.Gb18030 : layout.Encoding).GetString(bytes);

    private void ReparseText(ChunkKind[] kinds)
    {
        for (int k = 0; k < results.Length; k++)
        {
            ColumnMode[]? forced = null;
            for (int c = 0; c < outs.Length; c++)
            {
                if (outs[c] is null || kinds[c] != ChunkKind.Text || results[k].Columns[c]!.Kind != ChunkKind.Numeric) continue;
                forced ??= new ColumnMode[outs.Length];
                forced[c] = ColumnMode.Text;
            }
            if (forced is null) continue;
            var again = reparse(k, forced);
            for (int c = 0; c < outs.Length; c++)
                if (forced[c] == ColumnMode.Text) results[k].Columns[c] = again.Columns[c];
        }
    }

    private Encoding TextEncoding(ChunkKind[] kinds)
    {
        if (!layout.EncodingGuessed) return layout.Encoding;
        for (int c = 0; c < outs.Length; c++)
        {
            if (outs[c] is null || kinds[c] != ChunkKind.Text) continue;
            foreach (var r in results)
                if (r.Columns[c]!.Levels is { } levels && levels.Levels.Any(l => !Utf8.IsValid(l))) return CsvHeader.Gb18030;
        }
        return layout.Encoding;
    }

    /// <summary>Closes the gaps left where chunks reserved more rows than they had (blank lines,
    /// newlines inside quotes); the common case, no gaps, returns the array untouched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] Compact(double[] values, long rows)
    {
        if (values.Length == rows) return values;
        for (int k = 0; k < results.Length; k++)
            if (bases[k] != _rowStart[k]) Array.Copy(values, bases[k], values, _rowStart[k], results[k].Rows);
        return values[..(int)rows];
    }

    private CategoricalColumn TextColumn(string name, int c, double[] values, Encoding encoding)
    {
        var codes = new int[values.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        for (int k = 0; k < results.Length; k++)
        {
            var local = results[k].Columns[c]!.Levels?.Levels ?? [];
            var map = new int[local.Count];
            for (int i = 0; i < local.Count; i++)
            {
                string text = encoding.GetString(local[i]);
                if (!index.TryGetValue(text, out map[i]))
                {
                    map[i] = levels.Count;
                    index.Add(text, levels.Count);
                    levels.Add(text);
                }
            }
            long start = _rowStart[k];
            for (long i = start; i < start + results[k].Rows; i++)
                codes[i] = double.IsNaN(values[i]) ? -1 : map[(int)values[i]];
        }
        return new CategoricalColumn(name, codes, [.. levels]);
    }
}
