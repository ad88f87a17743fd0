namespace Panelwise.Render.Tables;

/// <summary>A heterogeneity table as the seeds print it: the model per group side by side (a regression table whose
/// column titles are the groups, optionally the whole sample first), then one row with the p-value of the
/// equality test in each group column (empty where a column has none, e.g. the whole sample).</summary>
public static class HeterogeneityTableBuilder
{
    /// <param name="columns">The fits, in column order.</param>
    /// <param name="testLabel">The row's label, which says what the p-value tests (e.g. "suest p (ai: group = rest)").</param>
    /// <param name="pValues">One entry per column; null leaves the cell empty.</param>
    /// <param name="options">Layout as for <see cref="RegressionTableBuilder"/>.</param>
    /// <param name="notes">Notes explaining the test, placed before the layout's own notes.</param>
    public static TableModel Build(IReadOnlyList<RegressionTableColumn> columns, string testLabel, IReadOnlyList<double?> pValues,
        RegressionTableOptions options, IReadOnlyList<string> notes)
    {
        if (pValues.Count != columns.Count) throw new ArgumentException($"{pValues.Count} p-values for {columns.Count} columns.");
        var table = RegressionTableBuilder.Build(columns, options with { Notes = [] });
        var row = new TableRow(testLabel, pValues.Select(p => p is double v ? new TableCell(NumberFormat.PValue(v, options.Decimals)) : TableCell.Empty).ToList());
        return table with
        {
            Groups = [.. table.Groups, new RowGroup([row])],
            Notes = [.. table.Notes, .. notes, .. options.Notes],
        };
    }
}
