using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Reference;

/// <summary>The public oracle cases (tests/reference/oracle, R 4.2.2 plm/sandwich; conventions in its README) that
/// the fit engine covers. Each row maps the case to a Panelwise formula; the oracle's derived names (L_value,
/// d_value) map to the formula's terms. xtreg's year dummies are written i(year) so that _cons is xtreg's.</summary>
public class OracleTests
{
    public static TheoryData<string, string, string, string?, string> Cases() => new()
    {
        { "grunfeld_pooled_ols", "inv ~ value + capital", "iid", null, "" },
        { "grunfeld_fe_within_iid", "inv ~ value + capital | firm", "iid", null, "" },
        { "grunfeld_fd_cluster", "d(inv) ~ d(value) + d(capital)", "cluster:firm", "firm,year", "d_value=d(value);d_capital=d(capital)" },
        { "grunfeld_twfe_lag_cluster", "inv ~ l(value, 1) + capital + i(year) | firm", "cluster:firm", "firm,year", "L_value=l(value, 1)" },
        { "produc_fe_driscoll_kraay", "log_gsp ~ log_pcap + log_pc + log_emp + unemp | state", "dk:2", "state,year", "" },
        { "produc_fe_twoway_cluster", "log_gsp ~ log_pcap + log_pc + log_emp + unemp | state", "cluster:state+year", null, "" },
    };

    private const double Tolerance = 1e-6;

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOracle(string id, string formula, string vcov, string? panel, string renames)
    {
        var c = Load(id);
        var names = renames.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('=')).ToDictionary(p => p[0], p => p[1]);
        string Term(string oracleName) => names.TryGetValue(oracleName, out var t) ? t : oracleName;
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", Path.GetFileName(c.GetProperty("dataset").GetProperty("csv").GetString()!)));
        var options = new FitOptions { Vcov = VcovSpec.Parse(vcov), Panel = panel is null ? null : (panel.Split(',')[0], panel.Split(',')[1]) };
        var result = Assert.Single(Regression.Fit(frame, formula, options));

        Assert.Equal(c.GetProperty("nobs").GetInt32(), result.Nobs);
        Assert.Equal(c.GetProperty("inference").GetProperty("df").GetDouble(), result.Vcov.DfResidual);
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = result[Term(e.GetProperty("name").GetString()!)]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{id} {row.Term} estimate");
            Near(e.GetProperty("se").GetDouble(), row.StdError, $"{id} {row.Term} se");
            Near(e.GetProperty("stat").GetDouble(), row.Statistic, $"{id} {row.Term} t");
            Near(e.GetProperty("p").GetDouble(), row.PValue, $"{id} {row.Term} p");
        }
        CheckVariants(c, result, Term);
        if (c.TryGetProperty("r2", out var r2)) Near(r2.GetDouble(), result.R2, $"{id} r2");
        if (c.TryGetProperty("adj_r2", out var ar2)) Near(ar2.GetDouble(), result.AdjR2, $"{id} adj_r2");
        if (c.TryGetProperty("rmse", out var rmse)) Near(rmse.GetDouble(), result.Rmse, $"{id} rmse");
        if (c.TryGetProperty("r2_within", out var rw)) Near(rw.GetDouble(), result.R2Within!.Value, $"{id} r2_within");
        // xtreg's R2 of the dummy-variable model and sigma_e (Root MSE of the LSDV model) equal our R2 and RMSE.
        if (c.TryGetProperty("r2_lsdv", out var rl)) Near(rl.GetDouble(), result.R2, $"{id} r2_lsdv");
        if (c.TryGetProperty("adj_r2_lsdv", out var arl)) Near(arl.GetDouble(), result.AdjR2, $"{id} adj_r2_lsdv");
        if (c.TryGetProperty("sigma_e", out var se)) Near(se.GetDouble(), result.Rmse, $"{id} sigma_e");
        if (c.TryGetProperty("tests", out var tests) && tests.TryGetProperty("model_F", out var f))
        {
            Near(f.GetProperty("F").GetDouble(), result.FTest!.Statistic, $"{id} F");
            Near(f.GetProperty("p").GetDouble(), result.FTest.PValue, $"{id} F p");
        }
    }

    /// <summary>The same coefficients under the other covariances the oracle lists (HC0-HC3, iid, one-way cluster).</summary>
    private static void CheckVariants(JsonElement c, RegressionResult result, Func<string, string> term)
    {
        if (!c.TryGetProperty("se_variants", out var variants)) return;
        foreach (var v in variants.EnumerateArray())
        {
            string name = v.GetProperty("vcov").GetString()!;
            VcovSpec? spec = name switch
            {
                "HC0" => VcovSpec.Heteroskedastic(0),
                "HC1" => VcovSpec.Heteroskedastic(1),
                "HC2" => VcovSpec.Heteroskedastic(2),
                "HC3" => VcovSpec.Heteroskedastic(3),
                "iid" => VcovSpec.Iid,
                "CR1_state_only" => VcovSpec.Cluster("state"),
                _ => null, // cgm_per_term: a convention Panelwise does not offer (it follows ivreg2/reghdfe)
            };
            if (spec is null) continue;
            var other = result.WithVcov(spec);
            Assert.Equal(v.GetProperty("df").GetDouble(), other.Vcov.DfResidual);
            foreach (var p in v.GetProperty("se").EnumerateObject())
            {
                var row = other[term(p.Name)]!;
                Near(p.Value.GetDouble(), row.StdError, $"{name} {row.Term} se");
                Near(v.GetProperty("p").GetProperty(p.Name).GetDouble(), row.PValue, $"{name} {row.Term} p");
            }
        }
    }

    private static void Near(double expected, double actual, string what) => ReferenceCases.Near(expected, actual, Tolerance, what);

    private static JsonElement Load(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("oracle", "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }
}
