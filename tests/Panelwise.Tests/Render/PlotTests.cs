using Xunit;
using System.Text.RegularExpressions;
using Panelwise.Render.Plots;
using Panelwise.Render.Tables;
using Panelwise.Tests.Support;

namespace Panelwise.Tests.Render;

/// <summary>Coefficient and trend plots: files written, Chinese labels drawn as text in the bundled font, one marker
/// per point, and byte-identical output on a rerun.</summary>
public sealed class PlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pw-plots-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Dictionary<string, string> Labels = new() { ["capital"] = "资本存量", ["value"] = "市值", ["inv"] = "投资" };

    private static IReadOnlyList<RegressionTableColumn> Columns() =>
        SampleTables.GrunfeldFits().Select((r, i) => new RegressionTableColumn(r, i == 0 ? "固定效应" : null)).ToList();

    private static RegressionTableOptions Options() => new() { Title = "表 2 基准回归", Labels = Labels };

    private static int Count(string svg, string element) => Regex.Matches(svg, "<" + element + "[ >]").Count;

    private static List<string> Texts(string svg) =>
        Regex.Matches(svg, "<text[^>]*>(.*?)</text>", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()).ToList();

    [Fact]
    public void CoefficientPlotWritesPngAndSvgWithChineseLabelsAndOneMarkerPerPoint()
    {
        var columns = Columns();
        var points = CoefficientPlot.Points(columns, Options());
        // capital in both columns, value in the second; the intercept is never drawn.
        Assert.Equal(["capital/0", "capital/1", "value/1"], points.Select(p => $"{p.Term}/{p.Column}"));
        Assert.All(points, p => Assert.True(p.Low < p.Estimate && p.Estimate < p.High));

        var files = CoefficientPlot.Build(columns, Options()).Write(_dir, "table2-coefficients");
        Assert.Equal([Path.Combine(_dir, "table2-coefficients.png"), Path.Combine(_dir, "table2-coefficients.svg")], files);
        var png = File.ReadAllBytes(files[0]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        string svg = File.ReadAllText(files[1]);
        var texts = Texts(svg);
        Assert.Contains("资本存量", texts);
        Assert.Contains("市值", texts);
        Assert.Contains("表 2 基准回归", texts);
        Assert.Contains("(1) 固定效应: 投资", texts);
        Assert.Contains("WenQuanYi Micro Hei", svg);
        // One filled circle per point, plus one legend marker per column.
        Assert.Equal(points.Count + columns.Count, Count(svg, "ellipse"));
    }

    [Fact]
    public void TrendPlotHasTheMeansByPeriodAndOneMarkerPerPeriodAndVariable()
    {
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var series = TrendPlot.Compute(frame, "year", ["inv", "capital"]);
        Assert.Equal(20, series.Periods.Count);
        Assert.Equal(1935, series.Periods[0]);
        double[] year = frame.Numeric("year").Values, inv = frame.Numeric("inv").Values;
        double expected = Enumerable.Range(0, year.Length).Where(r => year[r] == 1935).Average(r => inv[r]);
        Assert.Equal(expected, series.Means[0][0], 12);

        var files = TrendPlot.Build(series, Labels, "年度趋势").Write(_dir, "trend");
        string svg = File.ReadAllText(files[1]);
        Assert.True(File.Exists(files[0]));
        var texts = Texts(svg);
        Assert.Contains("投资", texts);
        Assert.Contains("资本存量", texts);
        Assert.Contains("年度趋势", texts);
        Assert.Contains("1954", texts);
        Assert.Equal(2 * 20 + 2, Count(svg, "ellipse"));
    }

    [Fact]
    public void PlotsAreByteIdenticalOnRebuild()
    {
        var first = CoefficientPlot.Build(Columns(), Options());
        var second = CoefficientPlot.Build(Columns(), Options());
        Assert.Equal(first.Svg(), second.Svg());
        Assert.Equal(first.Png(), second.Png());
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var a = TrendPlot.Build(TrendPlot.Compute(frame, "year", ["inv"]), Labels);
        var b = TrendPlot.Build(TrendPlot.Compute(frame, "year", ["inv"]), Labels);
        Assert.Equal(a.Svg(), b.Svg());
        Assert.Equal(a.Png(), b.Png());
    }
}
