namespace Panelwise.Render.Tables;

/// <summary>Consecutive rows that belong together (coefficients; indicator rows; fit statistics). Writers separate
/// groups with a rule (LaTeX \midrule, a border in HTML, Word and Excel).</summary>
public sealed record RowGroup(IReadOnlyList<TableRow> Rows);
