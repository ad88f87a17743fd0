using Panelwise.Methods.Multiverse;
using ScottPlot;

namespace Panelwise.Render.Plots;

/// <summary>The specification curve (Simonsohn, Simmons and Nelson 2020, fig. 2): specifications sorted by estimate
/// on the horizontal axis; above, each estimate with its 95% interval, coloured by significance (p &lt; 0.05 positive
/// blue, negative red, else grey), a dashed line at zero and the baseline circled; below, the indicator panel, one
/// row per choice of each dimension that varies, marking the choice each specification made. Both panels share one
/// axis: the curve is drawn in a band above the indicator rows and the left ticks label both.</summary>
public static class SpecificationCurvePlot
{
    private static readonly Color Positive = Color.FromHex("#1f77b4"), Negative = Color.FromHex("#d62728"), Neutral = Color.FromHex("#9a9a9a");

    /// <summary>The colour of a specification: significant positive, significant negative, or not significant.</summary>
    public static Color ColourOf(SpecificationEstimate e) =>
        !e.Significant() ? Neutral : e.Estimate > 0 ? Positive : Negative;

    /// <summary>The curve with <paramref name="text"/>'s words (default: <see cref="SpecificationCurveText.Plain"/>).</summary>
    public static PlotImage Build(MultiverseResult r, SpecificationCurveText? text = null)
    {
        string font = PlotFont.Ensure();
        text ??= SpecificationCurveText.Plain(r);
        var order = MultiverseSummary.CurveOrder(r.Estimates);
        var rows = IndicatorRows(r);
        double lo = r.Estimates.Min(e => e.ConfLow), hi = r.Estimates.Max(e => e.ConfHigh);
        if (lo > 0) lo = Math.Min(0, lo - 0.05 * (hi - lo));
        if (hi < 0) hi = Math.Max(0, hi + 0.05 * (hi - lo));
        if (!(hi > lo)) (lo, hi) = (lo - 1, hi + 1);
        double bottom = rows.Count + 0.5, height = Math.Max(6, rows.Count * 1.4);
        double Map(double v) => bottom + (v - lo) / (hi - lo) * height;

        var plot = new Plot();
        for (int pos = 0; pos < order.Length; pos++)
        {
            var e = r.Estimates[order[pos]];
            var line = plot.Add.Line(pos + 1, Map(e.ConfLow), pos + 1, Map(e.ConfHigh));
            line.Color = ColourOf(e).WithAlpha(0.6);
            line.LineWidth = order.Length > 300 ? 1 : 1.5f;
            line.MarkerSize = 0;
        }
        foreach (var colour in (Color[])[Neutral, Positive, Negative])
        {
            var points = Enumerable.Range(0, order.Length).Where(p => ColourOf(r.Estimates[order[p]]) == colour).ToList();
            if (points.Count == 0) continue;
            var curve = plot.Add.ScatterPoints(points.Select(p => (double)p + 1).ToArray(), points.Select(p => Map(r.Estimates[order[p]].Estimate)).ToArray());
            curve.Color = colour;
            curve.MarkerSize = order.Length > 300 ? 3 : 5;
            var marks = plot.Add.ScatterPoints(
                points.SelectMany(p => rows.Select((_, row) => (double)p + 1).Where((_, row) => rows[row].Matches(r.Estimates[order[p]]))).ToArray(),
                points.SelectMany(p => rows.Select((_, row) => (double)row).Where((_, row) => rows[row].Matches(r.Estimates[order[p]]))).ToArray());
            marks.Color = colour;
            marks.MarkerShape = MarkerShape.FilledSquare;
            marks.MarkerSize = order.Length > 300 ? 2 : 4;
        }
        if (r.Baseline is { } b)
        {
            var ring = plot.Add.ScatterPoints(new double[] { r.Summary.BaselineRank!.Value }, new double[] { Map(b.Estimate) });
            ring.Color = Colors.Black;
            ring.MarkerShape = MarkerShape.OpenCircle;
            ring.MarkerSize = 11;
        }
        var zero = plot.Add.HorizontalLine(Map(0));
        zero.Color = Colors.Gray;
        zero.LinePattern = LinePattern.Dashed;
        zero.LineWidth = 1;
        var divider = plot.Add.HorizontalLine(bottom - 0.25);
        divider.Color = Colors.LightGray;
        divider.LineWidth = 1;

        var ticks = NiceTicks(lo, hi).Select(v => (Map(v), v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(rows.Select((row, i) => ((double)i, text.Row(row.Dimension, row.Choice)))).ToList();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        plot.Axes.SetLimits(0, order.Length + 1, -0.7, bottom + height + 0.3);
        plot.XLabel(text.Axis);
        plot.Title(text.Title);
        PlotStyle.Apply(plot, font);
        return new PlotImage(plot, 1100, Math.Clamp(360 + 22 * rows.Count, 480, 1400));
    }

    /// <summary>One indicator row: a dimension that varies and one of its choices, bottom row first.</summary>
    private sealed record IndicatorRow(MultiverseDimension Dimension, string Choice)
    {
        public bool Matches(SpecificationEstimate e) => e.Spec.Choice(Dimension) == Choice;
    }

    private static List<IndicatorRow> IndicatorRows(MultiverseResult r)
    {
        var rows = new List<IndicatorRow>();
        foreach (var d in MultiverseDimensions.All.Reverse())
        {
            var choices = r.Estimates.Select(e => e.Spec.Choice(d)).Distinct(StringComparer.Ordinal).ToList();
            if (choices.Count > 1) rows.AddRange(Enumerable.Reverse(choices).Select(c => new IndicatorRow(d, c)));
        }
        return rows;
    }

    /// <summary>About five round values (1, 2 or 5 times a power of ten apart) within [lo, hi].</summary>
    private static IEnumerable<double> NiceTicks(double lo, double hi)
    {
        double raw = (hi - lo) / 5, power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / power) switch { < 1.5 => 1, < 3.5 => 2, < 7.5 => 5, _ => 10 } * power;
        for (double v = Math.Ceiling(lo / step) * step; v <= hi + 1e-9 * step; v += step) yield return Math.Abs(v) < 1e-12 * step ? 0 : v;
    }
}
