using Panelwise.Render.Tables;

namespace Panelwise.Render.Report;

/// <summary>What report.html shows, in order: the title, every table, every figure, then the notes.</summary>
public sealed record ReportContent
{
    public string Title { get; init; } = "";
    public IReadOnlyList<TableModel> Tables { get; init; } = [];
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
}
