using System.Text.Json;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Render.Json;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Estimation;

/// <summary>Analytic weights as Stata's regress/areg/reghdfe [aweight=w]: the weights are normalised to sum to N, so
/// SSR (e(rss)) = Σ w_i N/Σw e_i² and Root MSE = √(SSR/(N-K)) do not change when w is rescaled, and neither do the
/// coefficients and standard errors (tests/reference/weights/generate.R: lm on the normalised weights, sandwich HC1).</summary>
public class AnalyticWeightTests
{
    private static readonly Frame Grunfeld = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));

    [Theory]
    [InlineData("ols")]
    [InlineData("fe_firm")]
    public void RmseAndSsrAreOnWeightsNormalisedToN(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("weights", "cases.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        string formula = c.GetProperty("formula").GetString()!;
        foreach (var (vcov, key) in new[] { (VcovSpec.Iid, "se_iid"), (VcovSpec.Heteroskedastic(1), "se_hc1") })
        {
            var r = Assert.Single(Regression.Fit(Grunfeld, formula, new FitOptions { Weights = "capital", Vcov = vcov }));
            Assert.Equal(c.GetProperty("df_resid").GetInt32(), r.DfResidual);
            OracleCases.Near(c.GetProperty("rss").GetDouble(), r.Ssr, $"{id} rss");
            OracleCases.Near(c.GetProperty("rmse").GetDouble(), r.Rmse, $"{id} rmse");
            foreach (var e in c.GetProperty("coefficients").EnumerateArray())
            {
                var row = r[e.GetProperty("term").GetString()!]!;
                OracleCases.Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{id} {row.Term}");
                OracleCases.Near(e.GetProperty(key).GetDouble(), row.StdError, $"{id} {row.Term} {key}");
            }
            using var json = JsonDocument.Parse(JsonContract.Write([r]));
            OracleCases.Near(c.GetProperty("rss").GetDouble(), json.RootElement.GetProperty("ssr").GetDouble(), $"{id} JSON ssr");
            OracleCases.Near(c.GetProperty("rmse").GetDouble(), json.RootElement.GetProperty("rmse").GetDouble(), $"{id} JSON rmse");
        }
    }

    [Fact]
    public void RescalingTheWeightsChangesNothingReported()
    {
        var w = Grunfeld.Numeric("capital").Values;
        var frame = Grunfeld.With(new NumericColumn("w1000", w.Select(v => v * 1000).ToArray()));
        var options = new FitOptions { Vcov = VcovSpec.Cluster("firm"), DropOutliers = 2.5 };
        var a = Assert.Single(Regression.Fit(frame, "inv ~ value + capital | year", options with { Weights = "capital" }));
        var b = Assert.Single(Regression.Fit(frame, "inv ~ value + capital | year", options with { Weights = "w1000" }));
        Assert.Equal(a.Nobs, b.Nobs);
        OracleCases.Near(a.Ssr, b.Ssr, "ssr", 1e-12);
        OracleCases.Near(a.Rmse, b.Rmse, "rmse", 1e-12);
        OracleCases.Near(a["value"]!.StdError, b["value"]!.StdError, "se", 1e-12);
    }
}
