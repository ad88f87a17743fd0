using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.IV;

/// <summary>IV with absorbed unit fixed effects under kernel covariances, against tests/reference/iv/ivregress/generate.R
/// (explicit matrix algebra of ivreg2's formulas on xtivreg2 fe's within-transformed data; Newey-West on 120 units x 5
/// periods, Driscoll-Kraay on 5 units x 120 periods so that T exceeds the moments).
/// Conventions: dofminus = the unit levels; small (default) nw:m = N/(N-K-dofminus), t(N-K-dofminus);
/// dk:m = T/(T-1)(N-1)/(N-K-dofminus) (unit effects are not nested in the period clusters), t(T-1);
/// --no-small nw: N/(N-dofminus), dk: no factor, z; Hansen J of two-step GMM with the same kernel S.</summary>
public class IvKernelFixedEffectsTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("nw", "nw:2", "cluster_id", "period", true)]
    [InlineData("nw", "nw:2", "cluster_id", "period", false)]
    [InlineData("dk", "dk:1", "period", "cluster_id", true)]
    [InlineData("dk", "dk:1", "period", "cluster_id", false)]
    public void WithinIvUnderKernelCovariancesMatchesReference(string kind, string vcov, string unit, string time, bool small)
    {
        var c = Reference().GetProperty("iv_fe").GetProperty(kind);
        var frame = DataReader.Read(ReferencePath.Of("iv", "ivregress", "simulated_data.csv"));
        var options = new FitOptions { Panel = (unit, time), Vcov = VcovSpec.Parse(vcov) with { Small = small } };
        var r = Assert.Single(Regression.Fit(frame, $"y_kernel ~ x3 + x4 + x5 | {unit} | x1 ~ z1 + z2", options));
        Assert.Equal(c.GetProperty("units").GetInt32(), r.Iv!.DofMinus);
        var terms = c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var v = c.GetProperty(small ? "V_small" : "V_large");
        var fitTerms = r.Fit.Terms.ToList();
        for (int a = 0; a < terms.Count; a++)
        {
            IvOracleTests.Near(c.GetProperty("b")[a].GetDouble(), r[terms[a]]!.Estimate, $"{terms[a]} b", Tolerance);
            for (int b = 0; b < terms.Count; b++)
            {
                double expected = v[a][b].GetDouble();
                double scale = Math.Sqrt(v[a][a].GetDouble() * v[b][b].GetDouble());
                double actual = r.Vcov.Matrix[fitTerms.IndexOf(terms[a]), fitTerms.IndexOf(terms[b])];
                Assert.True(Math.Abs(actual - expected) <= Tolerance * scale, $"V[{terms[a]},{terms[b]}]: expected {expected:R}, got {actual:R}");
            }
        }
        IvOracleTests.Near(c.GetProperty("hansen_j").GetDouble(), r.Iv.HansenJ!.Statistic, "Hansen J", Tolerance);
        IvOracleTests.Near(c.GetProperty(small ? "rmse_small" : "rmse_large").GetDouble(), r.Rmse, "rmse", Tolerance);
        double df = !small ? double.PositiveInfinity : kind == "dk" ? 120 - 1 : 600 - 4 - 120;
        Assert.Equal(df, r.Vcov.DfResidual);
    }

    internal static JsonElement Reference()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("iv", "ivregress", "generated.json")));
        return doc.RootElement.Clone();
    }
}
