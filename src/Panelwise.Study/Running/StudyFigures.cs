using Panelwise.Data;
using Panelwise.Render.Plots;
using Panelwise.Render.Report;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The figures and the report of a run: a coefficient plot per regression table, the specification curve of
/// each multiverse table (plots/NAME-curve) and the trend plot of the <c>plots: trend</c> variables (plots/NAME.png and
/// .svg), then report.html with every table, figure and note.</summary>
internal static class StudyFigures
{
    public const string PlotFolder = "plots";

    /// <summary>Writes the plots and report.html to <paramref name="outDirectory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(StudyPlan plan, Frame frame, IReadOnlyList<TableResult> results,
        IReadOnlyList<string> notes, IReadOnlyList<string> provenance, string outDirectory)
    {
        string plotDirectory = Path.Combine(outDirectory, PlotFolder);
        var files = new List<string>();
        var figures = new List<ReportFigure>();
        void Add(PlotImage image, string name, string caption)
        {
            files.AddRange(image.Write(plotDirectory, name));
            figures.Add(new ReportFigure(caption, $"{PlotFolder}/{name}.png", $"{PlotFolder}/{name}.svg"));
        }
        var layouts = plan.Tables.ToDictionary(t => t.Name, t => t.Layout, StringComparer.Ordinal);
        foreach (var result in results.Where(r => r.Columns.Count > 0))
        {
            var layout = layouts[result.Name];
            if (CoefficientPlot.Points(result.Columns, layout).Count == 0) continue;
            string caption = (layout.Title.Length > 0 ? layout.Title : result.Name) + ": coefficients and 95% CI";
            if (plan.Tables.First(t => t.Name == result.Name).SyntheticVariables is { Count: > 0 } synthetic)
                caption += $" (synthetic variables: {string.Join(", ", synthetic)}; illustrates the method, not findings)";
            Add(CoefficientPlot.Build(result.Columns, layout), $"{result.Name}-coefficients", caption);
        }
        foreach (var result in results.Where(r => r.Multiverse is not null))
        {
            var layout = layouts[result.Name];
            string caption = (layout.Title.Length > 0 ? layout.Title : result.Name)
                             + ": specification curve (estimates sorted, 95% CI; below, the choices of each specification)";
            if (plan.Tables.First(t => t.Name == result.Name).SyntheticVariables is { Count: > 0 } synthetic)
                caption += $" (synthetic variables: {string.Join(", ", synthetic)}; illustrates the method, not findings)";
            Add(SpecificationCurvePlot.Build(result.Multiverse!, SpecificationCurveText.For(result.Multiverse!, layout)), $"{result.Name}-curve", caption);
        }
        if (plan.Plots.Trend.Count > 0 && plan.Panel is var (_, time))
        {
            var series = TrendPlot.Compute(frame, time, plan.Plots.Trend);
            string title = plan.Plots.TrendTitle;
            Add(TrendPlot.Build(series, plan.Labels, title), "trend", title.Length > 0 ? title : "Means by " + time);
        }
        var content = new ReportContent { Title = plan.Title, Preface = provenance, Tables = results.Select(r => r.Table).ToList(), Figures = figures, Notes = notes };
        files.Add(ReportWriter.WriteFile(content, outDirectory));
        return files;
    }
}
