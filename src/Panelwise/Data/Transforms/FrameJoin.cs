using System.Globalization;

namespace Panelwise.Data.Transforms;

/// <summary>Left join of a further source onto the data so far, on key columns (a hash join on the key values; numbers
/// and text compare by their text, so 2015 matches "2015"). A join must not change the rows: a key repeated in the
/// right frame (which would duplicate rows) or a row of the left frame without a match (whose new columns would
/// silently be missing) is a problem, as are keys missing from either side and non-key columns in both; then nothing
/// is joined. <see cref="Left"/> throws the first problem as a <see cref="DataException"/>; <see cref="TryLeft"/>
/// returns them all (a study reports them with its file's line numbers).
/// <code>var joined = FrameJoin.Left(provinces, prices, ["province", "year"]);</code></summary>
public static class FrameJoin
{
    /// <summary>The joined frame: the left frame's rows and columns, then the right frame's non-key columns.</summary>
    /// <exception cref="DataException">The first <see cref="JoinProblem"/>, naming the column and the offending key.</exception>
    public static Frame Left(Frame left, Frame right, IReadOnlyList<string> keys) =>
        TryLeft(left, right, keys, out var problems)
        ?? throw new DataException(problems[0].Describe(left.Source ?? "the left data", right.Source ?? "the right data"))
        {
            File = right.Source,
            Column = problems[0].Column,
        };

    /// <summary>The joined frame, or null with every problem found (unknown keys and clashing columns together; a
    /// repeated or unmatched key only once the keys and columns are right).</summary>
    public static Frame? TryLeft(Frame left, Frame right, IReadOnlyList<string> keys, out IReadOnlyList<JoinProblem> problems)
    {
        var found = new List<JoinProblem>();
        problems = found;
        foreach (var key in keys)
        {
            if (!left.Contains(key)) found.Add(new JoinProblem(JoinProblemKind.KeyNotInLeft, key));
            if (!right.Contains(key)) found.Add(new JoinProblem(JoinProblemKind.KeyNotInRight, key));
        }
        foreach (var column in right.Columns.Where(c => !keys.Contains(c.Name) && left.Contains(c.Name)))
            found.Add(new JoinProblem(JoinProblemKind.ColumnInBoth, column.Name));
        if (found.Count > 0) return null;
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
            found.Add(new JoinProblem(JoinProblemKind.DuplicateKey, keys[0], Show(right, keys, row), rightCounts[firstDuplicate], row + 1L));
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
            found.Add(new JoinProblem(JoinProblemKind.UnmatchedRows, keys[0], Show(left, keys, firstLost), lost, firstLost + 1L) { Rows = left.RowCount });
            return null;
        }
        var columns = left.Columns.ToList();
        columns.AddRange(right.Columns.Where(c => !keys.Contains(c.Name)).Select(c => Take(c, take)));
        return new Frame(columns, left.Source);
    }

    /// <summary>The row's key values as one string, or null when a key value is missing (it matches nothing).</summary>
    private static string? Key(Frame frame, IReadOnlyList<string> keys, int row)
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
    private static string Show(Frame frame, IReadOnlyList<string> keys, int row) =>
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
