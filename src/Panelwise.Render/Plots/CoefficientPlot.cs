using Panelwise.Estimation;
using Panelwise.Render.Tables;
using ScottPlot;

namespace Panelwise.Render.Plots;

/// <summary>A coefficient plot of a regression table: per term (one row, labelled as in the table) the point estimate
/// and its 95% confidence interval in every column, columns side by side in their own colour with a legend, and a
/// dashed line at zero. The intercept and the table's control terms are left out, as in the seeds' figures.</summary>
public static class CoefficientPlot
{
    /// <summary>The points drawn, in drawing order: terms as they first appear across the columns, then columns.</summary>
    public static IReadOnlyList<CoefficientPoint> Points(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var points = new List<CoefficientPoint>();
        foreach (string term in Terms(columns, options))
            for (int c = 0; c < columns.Count; c++)
                if (columns[c].Result[term] is { } row && double.IsFinite(row.Estimate) && double.IsFinite(row.ConfLow) && double.IsFinite(row.ConfHigh))
                    points.Add(new CoefficientPoint(term, c, row.Estimate, row.ConfLow, row.ConfHigh));
        return points;
    }

    public static PlotImage Build(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        string font = PlotFont.Ensure();
        var terms = Terms(columns, options);
        var points = Points(columns, options);
        var plot = new Plot();
        double band = 0.7, step = columns.Count > 1 ? band / (columns.Count - 1) : 0;
        for (int c = 0; c < columns.Count; c++)
        {
            var mine = points.Where(p => p.Column == c).ToList();
            if (mine.Count == 0) continue;
            var color = PlotPalette.Color(c);
            var ys = mine.Select(p => Row(terms, p.Term) + band / 2 - c * step).ToArray();
            for (int i = 0; i < mine.Count; i++)
            {
                var line = plot.Add.Line(mine[i].Low, ys[i], mine[i].High, ys[i]);
                line.Color = color;
                line.LineWidth = 1.5f;
                line.MarkerSize = 0;
            }
            var scatter = plot.Add.ScatterPoints(mine.Select(p => p.Estimate).ToArray(), ys);
            scatter.Color = color;
            scatter.MarkerSize = 7;
            scatter.LegendText = ColumnName(columns, c, options);
        }
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        zero.LinePattern = LinePattern.Dashed;
        zero.LineWidth = 1;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            terms.Select((_, i) => (double)(terms.Count - 1 - i)).ToArray(), terms.Select(t => Label(options, t)).ToArray());
        plot.Axes.SetLimitsY(-0.5 - band / 2, terms.Count - 0.5 + band / 2);
        plot.XLabel("Estimate and 95% CI");
        if (options.Title.Length > 0) plot.Title(options.Title);
        plot.ShowLegend(Edge.Right);
        PlotStyle.Apply(plot, font);
        int height = Math.Clamp(140 + 28 * terms.Count * Math.Max(1, columns.Count / 2 + 1), 300, 1400);
        return new PlotImage(plot, 960, height);
    }

    private static List<string> Terms(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var terms = new List<string>();
        foreach (var c in columns)
            foreach (var row in c.Result.Coefficients)
                if (row.Term != LinearEstimator.InterceptName && !options.Controls.Contains(row.Term) && !terms.Contains(row.Term))
                    terms.Add(row.Term);
        return terms;
    }

    private static double Row(List<string> terms, string term) => terms.Count - 1 - terms.IndexOf(term);

    private static string ColumnName(IReadOnlyList<RegressionTableColumn> columns, int c, RegressionTableOptions options)
    {
        string response = Label(options, columns[c].Result.Fit.ResponseName);
        string title = string.IsNullOrEmpty(columns[c].Title) ? response : $"{columns[c].Title}: {response}";
        return $"({c + 1}) {title}";
    }

    private static string Label(RegressionTableOptions options, string name) =>
        options.Labels.TryGetValue(name, out var label) ? label : name;
}
