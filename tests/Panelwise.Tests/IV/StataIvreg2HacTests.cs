using Panelwise.Cli;
using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.IV;

/// <summary>IV under kernel covariances against published Stata ivreg2 output (restatr/ivreg2r fixtures, copied to
/// tests/reference/iv/hac/ by extract.py, which names each file). Conventions tested:
/// nw:m = ivreg2 bw(m+1) kernel(bartlett) robust (weights 1 - l/(m+1)), within units on the panel time;
/// dk:m = ivreg2 dkraay(m+1): scores summed by period, then the same kernel across periods.
/// Without small (--no-small) V = B S B with no factor and z statistics; with small (Panelwise's default) Newey-West
/// carries N/(N-K) and Driscoll-Kraay the cluster factor T/(T-1)(N-1)/(N-K) with t(T-1), exactly ivreg2 small.
/// The identification and over-identification statistics use the same S (ranktest with the kernel; two-step GMM J),
/// and are identical with or without small, as ivreg2 reports them. The data were stored with 8 significant digits.</summary>
public class StataIvreg2HacTests
{
    private const double Tolerance = 1e-6;
    private const string Series = "y ~ w | x ~ z1 + z2";
    private const string Wages = "lwage ~ exper + expersq + married + union | hours ~ educ + black";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NeweyWestMatchesIvreg2Bw(bool small)
    {
        var c = Case("ts_hac_bartlett_bw3");
        var r = Fit("ts_hac_data.csv", Series, "nw:2", "id", "t", small);
        // ivreg2 without small: no factor; Panelwise's small default: N/(N-K), N = 200, K = 3.
        Check(c, r, small ? 200.0 / 197 : 1.0);
        Assert.Equal(small ? 197 : double.PositiveInfinity, r.Vcov.DfResidual);
        CheckDiagnostics(c, r);
        IvOracleTests.Near(c.GetProperty("diagnostics").GetProperty("first_stage_f").GetDouble(), r.Iv!.FirstStage[0].F.Statistic, "first-stage F", Tolerance);
    }

    [Fact]
    public void TwoStepGmmUnderNeweyWestMatchesIvreg2()
    {
        var c = Case("ts_gmm2s_hac_bartlett_bw3");
        var r = Fit("ts_hac_data.csv", Series, "nw:2", "id", "t", small: false, IvEstimatorKind.TwoStepGmm);
        Assert.Equal("iv_gmm2s", r.Model);
        Check(c, r, 1.0);
        CheckDiagnostics(c, r);
        // ivreg2 reports sigma = sqrt(SSR/N) without small.
        IvOracleTests.Near(c.GetProperty("diagnostics").GetProperty("sigma").GetDouble(), r.Rmse, "rmse", Tolerance);
    }

    [Theory]
    [InlineData("wp_dk_bar3_overid", Wages, false)]
    [InlineData("wp_dk_bar3_overid_small", Wages, true)]
    public void DriscollKraayMatchesIvreg2Dkraay(string id, string formula, bool small)
    {
        var c = Case(id);
        var r = Fit("wagepan_data.csv", formula, "dk:2", "nr", "year", small);
        Check(c, r, 1.0);
        Assert.Equal(small ? 7 : double.PositiveInfinity, r.Vcov.DfResidual);
        CheckDiagnostics(c, r);
        if (small)
        {
            // ivreg2's model F (small-sample V, F(K-1, T-1)).
            var d = c.GetProperty("diagnostics");
            IvOracleTests.Near(d.GetProperty("model_f").GetDouble(), r.FTest!.Statistic, "model F", Tolerance);
            Assert.Equal(d.GetProperty("model_f_df2").GetDouble(), r.FTest.Df2);
        }
    }

    [Fact]
    public void KernelCovariancesNeedThePanel()
    {
        var frame = DataReader.Read(ReferencePath.Of("iv", "hac", "ts_hac_data.csv"));
        var ex = Assert.ThrowsAny<UserInputException>(() => Regression.Fit(frame, Series, new FitOptions { Vcov = VcovSpec.NeweyWest(2) }));
        Assert.Contains("--panel", CliFlags.Message(ex));
    }

    /// <summary>Coefficients, and the full covariance scaled by <paramref name="factor"/> (off-diagonal elements relative to
    /// sqrt(V_aa V_bb)).</summary>
    private static void Check(JsonElement c, RegressionResult r, double factor)
    {
        var terms = c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var v = c.GetProperty("vcov");
        for (int a = 0; a < terms.Count; a++)
        {
            var expected = c.GetProperty("coefficients").GetProperty(terms[a]);
            IvOracleTests.Near(expected[0].GetDouble(), r[terms[a]]!.Estimate, $"{terms[a]} b", Tolerance);
            int ia = IndexOf(r, terms[a]);
            for (int b = 0; b < terms.Count; b++)
            {
                int ib = IndexOf(r, terms[b]);
                double scale = Math.Sqrt(v[a][a].GetDouble() * v[b][b].GetDouble()) * factor;
                double diff = Math.Abs(r.Vcov.Matrix[ia, ib] - v[a][b].GetDouble() * factor);
                Assert.True(diff <= Tolerance * scale, $"V[{terms[a]},{terms[b]}]: expected {v[a][b].GetDouble() * factor:R}, got {r.Vcov.Matrix[ia, ib]:R}");
            }
        }
    }

    private static void CheckDiagnostics(JsonElement c, RegressionResult r)
    {
        var d = c.GetProperty("diagnostics");
        var iv = r.Iv!;
        IvOracleTests.Near(d.GetProperty("underid_stat").GetDouble(), iv.KpRkLm!.Statistic, "KP rk LM", Tolerance);
        Assert.Equal(d.GetProperty("underid_df").GetDouble(), iv.KpRkLm.Df);
        IvOracleTests.Near(d.GetProperty("weak_id_kp_f").GetDouble(), iv.KpRkWaldF!.Value, "KP rk Wald F", Tolerance);
        IvOracleTests.Near(d.GetProperty("weak_id_cd_f").GetDouble(), iv.CraggDonaldF!.Value, "Cragg-Donald F", Tolerance);
        if (d.GetProperty("overid_stat").ValueKind == JsonValueKind.Number && d.GetProperty("overid_df").GetDouble() > 0)
            IvOracleTests.Near(d.GetProperty("overid_stat").GetDouble(), iv.HansenJ!.Statistic, "Hansen J", Tolerance);
        else Assert.Null(iv.HansenJ);
    }

    private static int IndexOf(RegressionResult r, string term) => r.Fit.Terms.ToList().IndexOf(term);

    private static RegressionResult Fit(string csv, string formula, string vcov, string id, string time, bool small,
        IvEstimatorKind kind = IvEstimatorKind.TwoStageLeastSquares)
    {
        var frame = DataReader.Read(ReferencePath.Of("iv", "hac", csv));
        var options = new FitOptions { Panel = (id, time), Vcov = VcovSpec.Parse(vcov) with { Small = small }, Iv = new IvOptions { Estimator = kind } };
        return Assert.Single(Regression.Fit(frame, formula, options));
    }

    private static JsonElement Case(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("iv", "hac", "stata_ivreg2_hac.json")));
        return doc.RootElement.GetProperty("cases").GetProperty(id).Clone();
    }
}
