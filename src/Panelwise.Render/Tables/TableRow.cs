namespace Panelwise.Render.Tables;

/// <summary>A row: its label in the stub column and one cell per data column.</summary>
public sealed record TableRow(string Label, IReadOnlyList<TableCell> Cells);
