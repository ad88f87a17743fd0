using System.Globalization;
using Panelwise.Data;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>Left join of a further data source onto the data so far, on the source's key columns (a hash join on the
/// key values; numbers and text compare by their text, so 2015 matches "2015"). A join must not change the rows: a
/// key repeated in the source (which would duplicate rows) or a row of the data without a match (whose new columns
/// would silently be missing) is reported with the file and the first offending key, and nothing is joined.</summary>
internal static class FrameJoin
{
    public static Frame? Left(Frame left, Frame right, DataDefinition source, Checker check)
    {
        string data = source.Display;
        var keys = source.Join.Select(k => k.Value).ToList();
        bool ok = true;
        foreach (var key in source.Join)
        {
            if (!left.Contains(key.Value)) { check.Add(StudyErrors.JoinKeyUnknown(check.Source, key.Line, key.Value, data, "the sources before it")); ok = false; }
            if (!right.Contains(key.Value)) { check.Add(StudyErrors.JoinKeyUnknown(check.Source, key.Line, key.Value, data, data)); ok = false; }
        }
        foreach (var column in right.Columns.Where(c => !keys.Contains(c.Name) && left.Contains(c.Name)))
        {
            check.Add(StudyErrors.JoinColumnClash(check.Source, source.Line, column.Name, data));
            ok = false;
        }
        if (!ok) return null;
        var rightRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rightCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? firstDuplicate = null;
        for (int r = 0; r < right.RowCount; r++)
        {
            if (Key(right, keys, r) is not { } key) continue;
            if (rightRows.TryAdd(key, r)) rightCounts[key] = 1;
            else { rightCounts[key]++; firstDuplicate ??= key; }
        }
        if (firstDuplicate is not null)
        {
            int row = rightRows[firstDuplicate];
            check.Add(StudyErrors.JoinDuplicateKey(check.Source, source.Line, data, Show(right, keys, row), rightCounts[firstDuplicate]));
            return null;
        }
        var take = new int[left.RowCount];
        int lost = 0, firstLost = -1;
        for (int i = 0; i < left.RowCount; i++)
        {
            take[i] = Key(left, keys, i) is { } key && rightRows.TryGetValue(key, out int r) ? r : -1;
            if (take[i] < 0 && lost++ == 0) firstLost = i;
        }
        if (lost > 0)
        {
            check.Add(StudyErrors.JoinLosesRows(check.Source, source.Line, data, lost, left.RowCount, Show(left, keys, firstLost)));
            return null;
        }
        var columns = left.Columns.ToList();
        columns.AddRange(right.Columns.Where(c => !keys.Contains(c.Name)).Select(c => Take(c, take)));
        return new Frame(columns, left.Source);
    }

    /// <summary>The row's key values as one string, or null when a key value is missing (it matches nothing).</summary>
    private static string? Key(Frame frame, List<string> keys, int row)
    {
        var parts = new string[keys.Count];
        for (int k = 0; k < keys.Count; k++)
        {
            if (Text(frame[keys[k]], row) is not { } text) return null;
            parts[k] = text;
        }
        return string.Join('\u001f', parts);
    }

    private static string? Text(Column column, int row) => column switch
    {
        NumericColumn n => double.IsNaN(n.Values[row]) ? null : n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        CategoricalColumn c => c.ValueAt(row),
        _ => null,
    };

    /// <summary>"(province = 北京, year = 2015)", for messages.</summary>
    private static string Show(Frame frame, List<string> keys, int row) =>
        "(" + string.Join(", ", keys.Select(k => $"{k} = {Text(frame[k], row) ?? "missing"}")) + ")";

    /// <summary>The column's values at <paramref name="rows"/>.</summary>
    private static Column Take(Column column, int[] rows)
    {
        switch (column)
        {
            case NumericColumn n:
                var values = new double[rows.Length];
                for (int i = 0; i < rows.Length; i++) values[i] = n.Values[rows[i]];
                return new NumericColumn(n.Name, values) { Label = n.Label, ValueLabels = n.ValueLabels };
            case CategoricalColumn c:
                var codes = new int[rows.Length];
                for (int i = 0; i < rows.Length; i++) codes[i] = c.Codes[rows[i]];
                return new CategoricalColumn(c.Name, codes, c.Levels) { Label = c.Label };
            default:
                throw new ArgumentException($"Unsupported column type {column.GetType().Name}.", nameof(column));
        }
    }
}
