using MiniExcelLibs;
using Panelwise.Data;

namespace Panelwise.IO.Excel;

/// <summary>Reads one worksheet (the first, or <see cref="ReadOptions.Sheet"/>) whose first row holds the names.</summary>
internal static class XlsxFileReader
{
    public static Frame Read(string path, ReadOptions options)
    {
        var sheets = MiniExcel.GetSheetNames(path);
        if (sheets.Count == 0) throw DataException.EmptyFile(path);
        string sheet = options.Sheet ?? sheets[0];
        if (!sheets.Contains(sheet)) throw DataException.MissingSheet(path, sheet, sheets);

        var header = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .FirstOrDefault() ?? throw DataException.EmptyFile(path);
        // Keys are Excel letters (A, B, ...); values are the names in row 1.
        var letters = header.Where(kv => kv.Value is not null && kv.Value.ToString()!.Trim().Length > 0).ToList();
        var names = letters.Select(kv => kv.Value!.ToString()!.Trim()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
            if (!seen.Add(n)) throw DataException.DuplicateColumn(path, n);
        foreach (var name in options.Columns ?? (IEnumerable<string>)[])
            if (!names.Contains(name)) throw DataException.MissingColumn(path, name, names);

        var na = new HashSet<string>(options.NaStrings, StringComparer.Ordinal);
        var builders = new List<(string Letter, CellColumnBuilder Builder)>();
        for (int i = 0; i < names.Count; i++)
            if (options.Columns?.Contains(names[i]) ?? true)
                builders.Add((letters[i].Key, new CellColumnBuilder(path, names[i], na)));

        long row = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Skip(1))
        {
            if (cells.Values.All(v => v is null || (v is string s && s.Length == 0))) continue;
            row++;
            foreach (var (letter, builder) in builders) builder.Add(cells.TryGetValue(letter, out var v) ? v : null, row);
        }
        if (row == 0) throw DataException.NoRows(path);
        return new Frame(builders.Select(b => b.Builder.Build()).ToList(), path);
    }
}
