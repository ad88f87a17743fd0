using Panelwise.Render.Tables;

namespace Panelwise.Render.Report;

/// <summary>What report.html shows, in order: the title, the preface paragraphs (e.g. which data are synthetic),
/// every table, every figure, then the notes.</summary>
public sealed record ReportContent
{
    public string Title { get; init; } = "";

    /// <summary>Paragraphs shown right under the title, before any table.</summary>
    public IReadOnlyList<string> Preface { get; init; } = [];
    public IReadOnlyList<TableModel> Tables { get; init; } = [];
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
}
