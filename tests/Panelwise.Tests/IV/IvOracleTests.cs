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

/// <summary>The IV cases of the public oracle (tests/reference/oracle/cases.json, R 4.2.2 matrix algebra cross-checked
/// with AER::ivreg; conventions in its README): 2SLS on CigarettesSW 1995 with HC1, and FE-2SLS (state effects
/// absorbed, xtivreg2 fe conventions) with CR1 by state; first-stage F, Cragg-Donald, Anderson LM, Sargan, Hansen J,
/// two-step GMM coefficients and Kleibergen-Paap rk statistics, all to 1e-6 relative.</summary>
public class IvOracleTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string, string, string, string?> Cases() => new()
    {
        { "cigsw_iv_1995_robust", "log_packs ~ log_rincome | log_rprice ~ tdiff + rtax", "hc1", "year == 1995" },
        { "cigsw_fe_iv_cluster", "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax", "cluster:state", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CoefficientsAndStandardErrors(string id, string formula, string vcov, string? filter)
    {
        var c = Load(id);
        var r = Fit(formula, vcov, filter);
        Assert.Equal(c.GetProperty("nobs").GetInt32(), r.Nobs);
        Assert.Equal(c.GetProperty("inference").GetProperty("df").GetDouble(), r.Vcov.DfResidual);
        Assert.Equal(c.GetProperty("coefficients").GetArrayLength(), r.Coefficients.Count);
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = r[e.GetProperty("name").GetString()!]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{id} {row.Term} b");
            Near(e.GetProperty("se").GetDouble(), row.StdError, $"{id} {row.Term} se");
            Near(e.GetProperty("stat").GetDouble(), row.Statistic, $"{id} {row.Term} t");
            Near(e.GetProperty("p").GetDouble(), row.PValue, $"{id} {row.Term} p");
        }
        Near(c.GetProperty("rss").GetDouble(), r.Fit.Ssr, $"{id} rss");
        Near(c.GetProperty("r2_centered").GetDouble(), r.R2Within ?? r.R2, $"{id} r2");
        // The small-sample iid variant: s2 = SSR/(N-K-dofminus), t(N-K-dofminus).
        var iid = r.WithVcov(VcovSpec.Iid);
        var variant = c.GetProperty("se_variants").EnumerateArray().First(v => v.GetProperty("vcov").GetString()!.StartsWith("iid_small"));
        Assert.Equal(variant.GetProperty("df").GetDouble(), iid.Vcov.DfResidual);
        foreach (var p in variant.GetProperty("se").EnumerateObject())
        {
            Near(p.Value.GetDouble(), iid[p.Name]!.StdError, $"{id} {p.Name} iid se");
            Near(variant.GetProperty("p").GetProperty(p.Name).GetDouble(), iid[p.Name]!.PValue, $"{id} {p.Name} iid p");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IdentificationAndOveridentificationTests(string id, string formula, string vcov, string? filter)
    {
        var c = Load(id);
        var t = c.GetProperty("tests");
        int n = c.GetProperty("nobs").GetInt32(), dofminus = c.GetProperty("dofminus_absorbed_fe").GetInt32();
        var robust = Fit(formula, vcov, filter).Iv!;
        var iid = Fit(formula, "iid", filter).Iv!;

        var fsIid = t.GetProperty("first_stage_iid")[0];
        Near(fsIid.GetProperty("F").GetDouble(), iid.FirstStage[0].FIid, $"{id} first-stage F");
        Near(fsIid.GetProperty("F").GetDouble(), iid.FirstStage[0].F.Statistic, $"{id} first-stage F under iid");
        Assert.Equal(fsIid.GetProperty("df2").GetDouble(), iid.FirstStage[0].F.Df2);
        Near(fsIid.GetProperty("p").GetDouble(), iid.FirstStage[0].F.PValue, $"{id} first-stage p");
        Near(fsIid.GetProperty("partial_r2").GetDouble(), iid.FirstStage[0].PartialR2, $"{id} partial R2");
        Near(t.GetProperty("cragg_donald_wald_F").GetDouble(), iid.CraggDonaldF!.Value, $"{id} Cragg-Donald");
        // The oracle gives N r2min; ivreg2 (and Panelwise) report (N - dofminus) r2min.
        var anderson = t.GetProperty("anderson_canon_corr_LM");
        Near(anderson.GetProperty("stat").GetDouble() * (n - dofminus) / n, iid.AndersonLm!.Statistic, $"{id} Anderson LM");
        Assert.Equal(anderson.GetProperty("df").GetDouble(), iid.AndersonLm.Df);

        var fsRobust = t.GetProperty("first_stage_robust")[0];
        Near(fsRobust.GetProperty("F").GetDouble(), robust.FirstStage[0].F.Statistic, $"{id} robust first-stage F");
        Assert.Equal(fsRobust.GetProperty("df2").GetDouble(), robust.FirstStage[0].F.Df2);
        Near(fsRobust.GetProperty("p").GetDouble(), robust.FirstStage[0].F.PValue, $"{id} robust first-stage p");
        Near(t.GetProperty("kp_rk_lm").GetProperty("stat").GetDouble(), robust.KpRkLm!.Statistic, $"{id} KP LM");
        Near(t.GetProperty("kp_rk_lm").GetProperty("p").GetDouble(), robust.KpRkLm.PValue, $"{id} KP LM p");
        Near(t.GetProperty("kp_rk_wald_F").GetDouble(), robust.KpRkWaldF!.Value, $"{id} KP Wald F");
        Assert.Null(robust.AndersonLm);
        Assert.Null(iid.KpRkLm);

        Near(t.GetProperty("sargan").GetProperty("stat").GetDouble(), iid.Sargan!.Statistic, $"{id} Sargan");
        Near(t.GetProperty("sargan").GetProperty("p").GetDouble(), iid.Sargan.PValue, $"{id} Sargan p");
        Near(t.GetProperty("hansen_j").GetProperty("stat").GetDouble(), robust.HansenJ!.Statistic, $"{id} Hansen J");
        Near(t.GetProperty("hansen_j").GetProperty("p").GetDouble(), robust.HansenJ.PValue, $"{id} Hansen J p");
        Assert.Null(robust.Sargan);
        Assert.Null(iid.HansenJ);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TwoStepGmmCoefficientsAndJ(string id, string formula, string vcov, string? filter)
    {
        var c = Load(id);
        var j = c.GetProperty("tests").GetProperty("hansen_j");
        var gmm = Fit(formula, vcov, filter, IvEstimatorKind.TwoStepGmm);
        Assert.Equal(gmm.Model, id.Contains("fe") ? "iv_gmm2s_fe" : "iv_gmm2s");
        foreach (var p in j.GetProperty("gmm2s_b").EnumerateObject())
            Near(p.Value.GetDouble(), gmm[p.Name]!.Estimate, $"{id} gmm2s {p.Name}");
        Near(j.GetProperty("stat").GetDouble(), gmm.Iv!.HansenJ!.Statistic, $"{id} gmm2s J");
    }

    internal static RegressionResult Fit(string formula, string vcov, string? filter, IvEstimatorKind kind = IvEstimatorKind.TwoStageLeastSquares)
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "cigarettessw.csv"));
        var options = new FitOptions { Vcov = VcovSpec.Parse(vcov), If = filter, Iv = new IvOptions { Estimator = kind } };
        return Assert.Single(Regression.Fit(frame, formula, options));
    }

    private static JsonElement Load(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("oracle", "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("id").GetString() == id).Clone();
    }

    internal static void Near(double expected, double actual, string what, double tolerance = Tolerance)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (rel. diff {Math.Abs(actual - expected) / scale:g3})");
    }
}
