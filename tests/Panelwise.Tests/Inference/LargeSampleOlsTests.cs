using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.IV;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Inference;

/// <summary>OLS under --no-small (the large-sample conventions of ivreg2 run as OLS, and of ivregress without small)
/// against R (tests/reference/iv/ivregress/generate.R): iid s² = SSR/N (vcov(lm)·(N-K)/N); robust = HC0
/// (sandwich::vcovHC "HC0"); cluster = vcovCL(type = "HC0", cadjust = FALSE), no G/(G-1)(N-1)/(N-K); Newey-West =
/// NeweyWest(lag, prewhite = FALSE, adjust = FALSE); with absorbed unit effects robust = HC0·N/(N-dofminus),
/// dofminus = 120 levels; z statistics, Wald chi2 model test, root MSE sqrt(SSR/N).</summary>
public class LargeSampleOlsTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("iid", "iid")]
    [InlineData("hc1", "hc1")]
    [InlineData("cluster", "cluster:cluster_id")]
    [InlineData("nw12", "nw:12")]
    public void NoSmallMatchesSandwich(string key, string vcov)
    {
        var c = IvKernelFixedEffectsTests.Reference().GetProperty("ols");
        var r = Fit("y_robust ~ x1 + x3 + x4 + x5", vcov, ("id", "time"));
        Check(c, c.GetProperty(key), r);
        Assert.True(r.Vcov.IsNormal);
        Assert.False(r.Vcov.Spec.Small);
        IvOracleTests.Near(c.GetProperty("rmse").GetDouble(), r.Rmse, "rmse", Tolerance);
        Assert.Contains("large-sample", r.Vcov.Convention);
    }

    [Fact]
    public void NoSmallWithAbsorbedEffectsCountsTheLevelsAsDofminus()
    {
        var c = IvKernelFixedEffectsTests.Reference().GetProperty("ols_fe");
        var r = Fit("y_robust ~ x1 + x3 + x4 + x5 | cluster_id", "hc1", null);
        Check(c, c.GetProperty("hc1"), r);
    }

    [Fact]
    public void SmallStaysTheDefault()
    {
        var large = Fit("y_robust ~ x1 + x3 + x4 + x5", "hc1", null);
        var frame = DataReader.Read(ReferencePath.Of("iv", "ivregress", "simulated_data.csv"));
        var small = Assert.Single(Regression.Fit(frame, "y_robust ~ x1 + x3 + x4 + x5", new FitOptions { Vcov = VcovSpec.Parse("hc1") }));
        Assert.False(small.Vcov.IsNormal);
        // HC1 = HC0 * N/(N-K), N = 600, K = 5.
        IvOracleTests.Near(large.Vcov.Matrix[1, 1] * 600 / 595, small.Vcov.Matrix[1, 1], "HC1 / HC0", 1e-12);
    }

    private static void Check(System.Text.Json.JsonElement c, System.Text.Json.JsonElement v, RegressionResult r)
    {
        var terms = c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var fitTerms = r.Fit.Terms.ToList();
        for (int a = 0; a < terms.Count; a++)
        {
            IvOracleTests.Near(c.GetProperty("b")[a].GetDouble(), r[terms[a]]!.Estimate, $"{terms[a]} b", 1e-9);
            for (int b = 0; b < terms.Count; b++)
            {
                double expected = v[a][b].GetDouble();
                double scale = Math.Sqrt(v[a][a].GetDouble() * v[b][b].GetDouble());
                double actual = r.Vcov.Matrix[fitTerms.IndexOf(terms[a]), fitTerms.IndexOf(terms[b])];
                Assert.True(Math.Abs(actual - expected) <= Tolerance * scale, $"V[{terms[a]},{terms[b]}]: expected {expected:R}, got {actual:R}");
            }
        }
    }

    private static RegressionResult Fit(string formula, string vcov, (string, string)? panel)
    {
        var frame = DataReader.Read(ReferencePath.Of("iv", "ivregress", "simulated_data.csv"));
        var options = new FitOptions { Panel = panel, Vcov = VcovSpec.Parse(vcov) with { Small = false } };
        return Assert.Single(Regression.Fit(frame, formula, options));
    }
}
