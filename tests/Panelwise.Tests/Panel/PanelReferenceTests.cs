using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using static Panelwise.Tests.Panel.PanelOracleTests;
using Panelwise.Inference;
using Panelwise.Models;

namespace Panelwise.Tests.Panel;

/// <summary>Reference values from tests/reference/panel/generate.R (R matrix algebra under xtreg's conventions, checked
/// against plm): R² within/between/overall (corr² as xtreg defines them), σ_u = sd of û_i over units, the F test of
/// u_i = 0, unbalanced random effects by Stata's formula (σ_u² = SSR_b/(n-K) - σ_e²/T̄, T̄ harmonic; NOT plm's unbalanced
/// swar), the Breusch-Pagan LM in the Baltagi-Li form of plm::plmtest(type = "bp"), and first differences across a gap.</summary>
public class PanelReferenceTests
{
    private static readonly Panelwise.Data.Frame Grunfeld = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));

    public static TheoryData<string> Cases() =>
        ["grunfeld_fe_balanced", "grunfeld_fe_unbalanced", "grunfeld_re_balanced", "grunfeld_re_unbalanced",
         "grunfeld_be_balanced", "grunfeld_be_unbalanced", "grunfeld_fd_gap"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesReference(string id)
    {
        var c = Load(id);
        string sample = c.GetProperty("sample").GetString()!;
        var model = PanelModelNames.Parse(c.GetProperty("model").GetString()!);
        var r = Assert.Single(Regression.Fit(Grunfeld, "inv ~ value + capital",
            new FitOptions { Model = model, Panel = ("firm", "year"), If = sample == "all rows" ? null : sample }));
        // N counts observations and groups are reported apart, as Stata's xtreg (be too: N rows, n means, df n - K).
        Assert.Equal(c.GetProperty("nobs").GetInt32(), r.Nobs);
        if (c.TryGetProperty("n_groups", out var groups)) Assert.Equal(groups.GetInt32(), r.Groups);
        if (c.TryGetProperty("df_resid", out var df)) Assert.Equal(df.GetInt32(), r.DfResidual);
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = r[e.GetProperty("name").GetString()!]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{id} {row.Term} estimate");
            Near(e.GetProperty("se").GetDouble(), row.StdError, $"{id} {row.Term} se");
            Near(e.GetProperty("p").GetDouble(), row.PValue, $"{id} {row.Term} p");
        }
        var comp = r.Components;
        Optional(c, "r2", r.R2, id);
        Optional(c, "r2_within", comp?.R2Within ?? r.R2Within, id);
        Optional(c, "r2_between", comp?.R2Between, id);
        Optional(c, "r2_overall", comp?.R2Overall, id);
        Optional(c, "sigma_u", comp?.SigmaU, id);
        Optional(c, "sigma_e", comp?.SigmaE, id);
        Optional(c, "rho", comp?.Rho, id);
        if (c.TryGetProperty("f_u", out var f)) Test(f, r.Tests["f_u"], "F", id);
        if (c.TryGetProperty("bp_lm", out var bp)) Test(bp, r.Tests["bp_lm"], "stat", id);
        if (c.TryGetProperty("balanced", out var balanced))
        {
            if (balanced.GetBoolean()) Near(c.GetProperty("theta_median").GetDouble(), comp!.Theta!.Value, $"{id} theta");
            else
            {
                var t = comp!.ThetaSummary!;
                Assert.Null(comp.Theta);
                Near(c.GetProperty("theta_min").GetDouble(), t.Min, $"{id} theta min");
                Near(c.GetProperty("theta_p5").GetDouble(), t.P5, $"{id} theta p5");
                Near(c.GetProperty("theta_median").GetDouble(), t.Median, $"{id} theta median");
                Near(c.GetProperty("theta_p95").GetDouble(), t.P95, $"{id} theta p95");
                Near(c.GetProperty("theta_max").GetDouble(), t.Max, $"{id} theta max");
                Assert.Contains(r.Notes, n => n.Text.Contains("harmonic", StringComparison.Ordinal));
            }
        }
    }

    private static void Optional(JsonElement c, string key, double? actual, string id)
    {
        if (!c.TryGetProperty(key, out var e)) return;
        Assert.True(actual.HasValue, $"{id}: {key} is not reported");
        Near(e.GetDouble(), actual.Value, $"{id} {key}");
    }

    private static void Test(JsonElement expected, TestStatistic actual, string statistic, string id)
    {
        Near(expected.GetProperty(statistic).GetDouble(), actual.Statistic, $"{id} statistic");
        Near(expected.GetProperty("p").GetDouble(), actual.PValue, $"{id} p");
    }

    private static JsonElement Load(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("panel", "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }
}
