namespace Panelwise.Render.Tables;

/// <summary>A format-neutral table: title, header rows over the data columns, groups of body rows and note lines.
/// Builders fill it from results; writers turn it into Markdown, LaTeX, HTML, Word or Excel without knowing any
/// statistics. Every header row and body row has exactly <see cref="ColumnCount"/> cells besides the stub.</summary>
public sealed record TableModel
{
    /// <summary>Caption, e.g. "Table 2: Baseline regressions"; empty for none.</summary>
    public string Title { get; init; } = "";

    /// <summary>The heading of the label column (e.g. "Variable"); empty for none.</summary>
    public string StubHeader { get; init; } = "";

    /// <summary>Header rows, top first (e.g. column numbers, then dependent variables).</summary>
    public required IReadOnlyList<IReadOnlyList<string>> HeaderRows { get; init; }

    public required IReadOnlyList<RowGroup> Groups { get; init; }

    /// <summary>Lines under the table: covariance, stars legend, user notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int ColumnCount => HeaderRows.Count > 0 ? HeaderRows[0].Count : Groups.SelectMany(g => g.Rows).FirstOrDefault()?.Cells.Count ?? 0;

    /// <summary>Throws when a row's length differs from the header's, so writers can rely on a rectangular table.</summary>
    public TableModel Validated()
    {
        int k = ColumnCount;
        foreach (var h in HeaderRows)
            if (h.Count != k) throw new ArgumentException($"Table '{Title}': a header row has {h.Count} cells, expected {k}.");
        foreach (var row in Groups.SelectMany(g => g.Rows))
            if (row.Cells.Count != k) throw new ArgumentException($"Table '{Title}': row '{row.Label}' has {row.Cells.Count} cells, expected {k}.");
        return this;
    }
}
