using System.Globalization;
using Panelwise.Data;
using ScottPlot;

namespace Panelwise.Render.Plots;

/// <summary>A time-trend plot: the mean of each chosen variable by period (e.g. the study's main indices by year), one
/// line with markers per variable, labelled with the study's display names.</summary>
public static class TrendPlot
{
    /// <summary>Means of <paramref name="variables"/> (numeric columns) by the values of the numeric column
    /// <paramref name="time"/>, periods ascending; rows with a missing period are skipped.</summary>
    public static TrendSeries Compute(Frame frame, string time, IReadOnlyList<string> variables)
    {
        double[] t = frame.Numeric(time).Values;
        var periods = t.Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
        var position = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var means = new List<double[]>();
        foreach (string name in variables)
        {
            double[] x = frame.Numeric(name).Values;
            var sum = new double[periods.Length];
            var count = new int[periods.Length];
            for (int r = 0; r < x.Length; r++)
            {
                if (double.IsNaN(t[r]) || double.IsNaN(x[r])) continue;
                int p = position[t[r]];
                sum[p] += x[r];
                count[p]++;
            }
            means.Add(sum.Select((s, p) => count[p] > 0 ? s / count[p] : double.NaN).ToArray());
        }
        return new TrendSeries(periods, variables, means);
    }

    public static PlotImage Build(TrendSeries series, IReadOnlyDictionary<string, string> labels, string title = "")
    {
        string font = PlotFont.Ensure();
        var plot = new Plot();
        double[] xs = [.. series.Periods];
        for (int v = 0; v < series.Variables.Count; v++)
        {
            var keep = Enumerable.Range(0, xs.Length).Where(i => !double.IsNaN(series.Means[v][i])).ToArray();
            if (keep.Length == 0) continue;
            var line = plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => series.Means[v][i]).ToArray());
            line.Color = PlotPalette.Color(v);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = labels.TryGetValue(series.Variables[v], out var label) ? label : series.Variables[v];
        }
        if (xs.Length is > 0 and <= 25)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                xs, xs.Select(x => x.ToString("G", CultureInfo.InvariantCulture)).ToArray());
        plot.YLabel("Mean");
        if (title.Length > 0) plot.Title(title);
        plot.ShowLegend(Edge.Right);
        PlotStyle.Apply(plot, font);
        return new PlotImage(plot, 960, 450);
    }
}
