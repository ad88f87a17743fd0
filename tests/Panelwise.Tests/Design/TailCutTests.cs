using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Numerics;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Design;

/// <summary>winsor()/trim() in formulas: Stata _pctile cuts (R quantile type 2) over the estimation sample.</summary>
public class TailCutTests
{
    [Theory]
    [InlineData(0.5, 2.5)]   // n·p = 2 is whole: average of x(2) and x(3)
    [InlineData(0.3, 2)]     // n·p = 1.2: x(2)
    [InlineData(0.99, 4)]
    [InlineData(0.25, 1.5)]  // n·p = 1: (x(1) + x(2))/2
    public void PercentileIsStataPctile(double p, double expected) =>
        Assert.Equal(expected, StataPercentile.OfSorted([1, 2, 3, 4], p));

    [Fact]
    public void PercentileTreatsNearlyWholeProductsAsWhole()
    {
        // 0.99·100 is 98.99999999999999 in binary; R and Stata take it as 99: (x(99) + x(100))/2.
        var x = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(99.5, StataPercentile.OfSorted(x, 0.99));
        Assert.Equal(1.5, StataPercentile.OfSorted(x, 0.01));
    }

    [Fact]
    public void WinsorisedFixedEffectsMatchTheOracle()
    {
        var c = OracleCases.Load("produc_fe_winsor_cluster");
        var produc = DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));
        var r = Assert.Single(Regression.Fit(produc, "log_gsp ~ log_pcap + log_pc + log_emp + winsor(unemp, 0.01)",
            new FitOptions { Model = PanelModel.FixedEffects, Panel = ("state", "year"), Vcov = VcovSpec.Cluster("state") }));
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            string name = e.GetProperty("name").GetString()!.Replace("unemp_w", "winsor(unemp, 0.01)", StringComparison.Ordinal);
            var row = r[name]!;
            OracleCases.Near(e.GetProperty("estimate").GetDouble(), row.Estimate, name + " estimate");
            OracleCases.Near(e.GetProperty("se").GetDouble(), row.StdError, name + " se");
            OracleCases.Near(e.GetProperty("p").GetDouble(), row.PValue, name + " p");
        }
        OracleCases.Near(c.GetProperty("r2_within").GetDouble(), r.R2Within!.Value, "r2_within");
        var w = c.GetProperty("winsor");
        Assert.Contains("winsor(unemp, 0.01): cut at 3 and 13 (Stata _pctile p1 and p99) over 816 values of the estimation sample; " +
                        $"{w.GetProperty("n_clipped_low").GetInt32()} low and {w.GetProperty("n_clipped_high").GetInt32()} high values clamped", r.Notes.Select(n => n.Text));
    }

    private static Frame Small() => new(
    [
        new NumericColumn("y", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        new NumericColumn("x", [-50, 2, 3, 4, 5, 6, 7, 8, 9, 100]),
        new NumericColumn("g", [1, 1, 1, 1, 1, 2, 2, 2, 2, 2]),
        new NumericColumn("z", [1, 1, 1, 1, 1, 1, 1, 1, 1, double.NaN]),
    ], "small.csv");

    private static ModelData Build(string formula, string? filter = null) => DesignBuilder.Build(new DesignRequest
    {
        Frame = Small(),
        Spec = FormulaParser.Parse(formula).Expand()[0],
        If = filter,
    });

    [Fact]
    public void CutsUseTheEstimationSampleNotTheWholeColumn()
    {
        // z is missing in the last row, so the sample is rows 1-9: x = -50, 2..9; p = 0.2: n·p = 1.8 -> x(2) = 2, 1-p: 7.2 -> x(8) = 8.
        var d = Build("y ~ winsor(x, 0.2) + z");
        Assert.Equal([2, 2, 3, 4, 5, 6, 7, 8, 8], d.Regressors[0]);
        Assert.Contains("winsor(x, 0.2): cut at 2 and 8 (Stata _pctile p20 and p80) over 9 values of the estimation sample; " +
                        "1 low and 1 high values clamped", d.Notes.Select(n => n.Text));
    }

    [Fact]
    public void CutsFollowTheIfFilter()
    {
        var d = Build("y ~ winsor(x, 0.25)", "g == 2");
        // Sample x = 6, 7, 8, 9, 100; n·p = 1.25 -> x(2) = 7; n·0.75 = 3.75 -> x(4) = 9.
        Assert.Equal([7, 7, 8, 9, 9], d.Regressors[0]);
    }

    [Fact]
    public void TrimDropsRowsBeyondTheCutsAndSaysSo()
    {
        var d = Build("y ~ trim(x, 0.1)");
        // n·p = 1 is whole: low cut (x(1) + x(2))/2 = -24; high cut (x(9) + x(10))/2 = 54.5.
        Assert.Equal(8, d.RowCount);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], d.Regressors[0]);
        Assert.Contains(d.Notes, n => n.Text.Contains("2 observations dropped: missing values in trim(x, 0.1) (2)", StringComparison.Ordinal));
        Assert.Contains(d.Notes, n => n.Text.Contains("1 low and 1 high values set to missing", StringComparison.Ordinal));
    }

    [Fact]
    public void ByGroupCutsAreTakenWithinEachLevel()
    {
        var d = Build("y ~ winsor(x, 0.2, by = g)");
        // g = 1: -50, 2, 3, 4, 5: n·p = 1 whole -> (-50+2)/2 = -24; 4 whole -> (4+5)/2 = 4.5. g = 2: 6..9, 100 -> 6.5 and 54.5.
        Assert.Equal([-24, 2, 3, 4, 4.5, 6.5, 7, 8, 9, 54.5], d.Regressors[0]);
        Assert.Contains(d.Notes, n => n.Text.Contains("within each of 2 levels of g", StringComparison.Ordinal));
    }

    [Fact]
    public void NamesRoundTrip()
    {
        Assert.Equal("y ~ winsor(x, 0.01, by = year) + trim(log(x), 0.05)",
            FormulaParser.Parse("y ~ winsor(x,0.01,by=year) + trim(log(x), .05)").Expand()[0].Text);
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse("y ~ winsor(x, 0.7)"));
        Assert.Contains("between 0 and 0.5", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormulaException>(() => FormulaParser.Parse("y ~ winsor(x)"));
    }
}
