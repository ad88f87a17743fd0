using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Methods.GroupComparison;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.GroupComparison;

/// <summary>compare: per-group fits, Chow against the oracle, suest against its formula, permutation reproducibility.</summary>
public class GroupComparisonTests
{
    private static readonly Frame Produc = DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));
    private const string Formula = "log_gsp ~ log_pcap + log_pc + log_emp + unemp";

    [Fact]
    public void ChowMatchesTheOracle()
    {
        var c = OracleCases.Load("produc_chow_1980").GetProperty("tests").GetProperty("chow");
        var r = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "year >= 1980", Tests = ["chow"] });
        Assert.Equal(["!(year >= 1980)", "year >= 1980"], r.Groups.Select(g => g.Group));
        Assert.Equal([480, 336], r.Groups.Select(g => g.Result.Nobs));
        OracleCases.Near(c.GetProperty("ssr_A").GetDouble(), r.Groups[0].Result.Fit.Ssr, "ssr A");
        OracleCases.Near(c.GetProperty("ssr_B").GetDouble(), r.Groups[1].Result.Fit.Ssr, "ssr B");
        var chow = Assert.Single(r.Tests);
        OracleCases.Near(c.GetProperty("F").GetDouble(), chow.Statistic, "Chow F");
        Assert.Equal(c.GetProperty("df1").GetDouble(), chow.Df);
        Assert.Equal(c.GetProperty("df2").GetDouble(), chow.Df2);
        OracleCases.Near(c.GetProperty("p").GetDouble(), chow.PValue, "Chow p");
    }

    [Fact]
    public void ExclusionNoteNamesAnExpressionGroupOnceAndAColumnLevelWithItsColumn()
    {
        var byExpression = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "year >= 1980" });
        var notes = byExpression.Groups.SelectMany(g => g.Result.Notes).Select(n => n.Text).Where(t => t.Contains("outside group")).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, t => t.EndsWith("outside group !(year >= 1980)", StringComparison.Ordinal));
        Assert.Contains(notes, t => t.EndsWith("outside group year >= 1980", StringComparison.Ordinal));
        var byColumn = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "region" });
        Assert.Contains(byColumn.Groups[0].Result.Notes, n => n.Text.EndsWith($"outside group {byColumn.Groups[0].Group} of region", StringComparison.Ordinal));
    }

    [Fact]
    public void SuestWithoutClustersIsTheSumOfRobustVariancesTimesGOverGMinusOne()
    {
        var r = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "year >= 1980" });
        var (a, b) = (r.Groups[0].Result.WithVcov(VcovSpec.Heteroskedastic(0)), r.Groups[1].Result.WithVcov(VcovSpec.Heteroskedastic(0)));
        double n = a.Nobs + b.Nobs;
        foreach (var test in r.Tests)
        {
            var (ra, rb) = (a[test.Coefficient!]!, b[test.Coefficient!]!);
            double d = ra.Estimate - rb.Estimate;
            double expected = d * d / ((ra.StdError * ra.StdError + rb.StdError * rb.StdError) * n / (n - 1));
            OracleCases.Near(expected, test.Statistic, $"suest chi2 of {test.Coefficient}", 1e-9);
        }
    }

    [Fact]
    public void SuestClusteredAcrossGroupsUsesTheCrossCovariance()
    {
        // States are clusters spanning both periods: their scores covary, unlike in the unclustered case.
        var clustered = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "year >= 1980" },
            new FitOptions { Vcov = VcovSpec.Cluster("state") });
        var (a, b) = (clustered.Groups[0].Result, clustered.Groups[1].Result);
        var test = clustered.Tests.Single(t => t.Coefficient == "unemp");
        double d = a["unemp"]!.Estimate - b["unemp"]!.Estimate;
        // Without the cross term (and with the CR1 small-sample factor) the statistic would be:
        double naive = d * d / (Math.Pow(a["unemp"]!.StdError, 2) + Math.Pow(b["unemp"]!.StdError, 2));
        Assert.NotEqual(naive, test.Statistic, 3);
        Assert.True(test.PValue is > 0 and < 1);
    }

    [Fact]
    public void PermutationIsReproducibleAndAgreesWithSuestOnALargeSample()
    {
        var random = new Random(5);
        int n = 1200;
        double[] x = new double[n], y = new double[n], g = new double[n];
        for (int i = 0; i < n; i++)
        {
            g[i] = i % 2;
            x[i] = random.NextDouble() * 2 - 1;
            // Slopes 1.0 vs 1.1: a difference near the edge of significance, so the p-values are informative.
            y[i] = (g[i] == 1 ? 1.1 : 1.0) * x[i] + (random.NextDouble() - 0.5) * 2;
        }
        var frame = new Frame([new NumericColumn("x", x), new NumericColumn("y", y), new NumericColumn("g", g)]);
        ComparisonResult Run(int seed) => Methods.GroupComparison.GroupComparison.Run(frame, "y ~ x",
            new ComparisonSpec { By = "g", Tests = ["suest", "permutation"], PermutationReps = 300, Seed = seed });
        var first = Run(1);
        Assert.Equal(first.Tests, Run(1).Tests);
        double suest = first.Tests.Single(t => t.Test == "suest" && t.Coefficient == "x").PValue;
        double permutation = first.Tests.Single(t => t.Test == "permutation" && t.Coefficient == "x").PValue;
        // Monte-Carlo sd of a permutation p near 0.1 with B = 300 is about 0.017.
        Assert.InRange(permutation - suest, -0.06, 0.06);
    }

    [Fact]
    public void QuantileCutsSplitAtTheStataPercentile()
    {
        var r = Methods.GroupComparison.GroupComparison.Run(Produc, Formula, new ComparisonSpec { By = "top30(unemp)", Tests = ["chow"] });
        Assert.Equal(["rest", "top30(unemp)"], r.Groups.Select(g => g.Group));
        Assert.InRange(r.Groups[1].Result.Nobs, 240, 260);
    }

    [Fact]
    public void AnEmptyGroupIsNamed()
    {
        var ex = Assert.Throws<UserInputException>(() => Methods.GroupComparison.GroupComparison.Run(Produc, Formula,
            new ComparisonSpec { By = "year >= 1980" }, new FitOptions { If = "year < 1980" }));
        Assert.Contains("Group year >= 1980", ex.Message, StringComparison.Ordinal);
    }
}
