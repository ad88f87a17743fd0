using Panelwise.Cli;
using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Panel;

/// <summary>The public oracle cases for the panel models (tests/reference/oracle, R 4.2.2 + plm 2.6-2), to 1e-6 relative.
/// Conventions of its README: FE iid s2 = SSR/(N-n-k), t(N-n-k), F(u_i = 0) = ((SSR_pooled-SSR_fe)/(n-1))/(SSR_fe/(N-n-k));
/// LSDV with every dummy in K; RE Swamy-Arora with V = s2*(X*'X*)⁻¹, s2* = SSR*/(N-K), z (variant: σ_e²(X*'X*)⁻¹);
/// Hausman with each model's own V; FD with CR1 G/(G-1)(N-1)/(N-K), t(G-1).</summary>
public class PanelOracleTests
{
    private static readonly Panelwise.Data.Frame Grunfeld = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));

    private static RegressionResult Fit(PanelModel model, string vcov = "iid", string formula = "inv ~ value + capital") =>
        Assert.Single(Regression.Fit(Grunfeld, formula, new FitOptions { Model = model, Panel = ("firm", "year"), Vcov = VcovSpec.Parse(vcov) }));

    [Fact]
    public void FixedEffectsMatchXtregFe()
    {
        var c = Load("grunfeld_fe_within_iid");
        var r = Fit(PanelModel.FixedEffects);
        Assert.Equal("fe", r.Model);
        Assert.Equal(188, r.Vcov.DfResidual);
        Coefficients(c, r, name => name);
        Near(c.GetProperty("r2_within").GetDouble(), r.R2Within!.Value, "r2_within");
        Near(c.GetProperty("r2_lsdv").GetDouble(), r.R2, "r2 (LSDV, centred)");
        Near(c.GetProperty("sigma_e").GetDouble(), r.Components!.SigmaE!.Value, "sigma_e");
        var f = c.GetProperty("tests").GetProperty("F_all_u_i_zero");
        var fu = r.Tests["f_u"];
        Near(f.GetProperty("F").GetDouble(), fu.Statistic, "F u_i = 0");
        Assert.Equal(f.GetProperty("df1").GetDouble(), fu.Df);
        Assert.Equal(f.GetProperty("df2").GetDouble(), fu.Df2);
        Near(f.GetProperty("p").GetDouble(), fu.PValue, "F u_i = 0 p");
    }

    /// <summary>The oracle gives each firm's intercept (no common constant); Panelwise fits Stata's
    /// <c>regress y x i.firm</c> (constant = firm 1, dummies = differences), so firm j's intercept is _cons + firm::j and
    /// its variance V(_cons) + V(firm::j) + 2 Cov(_cons, firm::j).</summary>
    [Fact]
    public void DummyVariablesMatchRegressWithDummies()
    {
        var c = Load("grunfeld_lsdv");
        var r = Assert.Single(Regression.Fit(Grunfeld, "inv ~ value + capital",
            new FitOptions { Model = PanelModel.DummyVariables, Panel = ("firm", "year"), ShowFixedEffects = true }));
        Assert.Equal(c.GetProperty("inference").GetProperty("df").GetDouble(), r.Vcov.DfResidual);
        Near(c.GetProperty("r2").GetDouble(), r.R2, "r2");
        Near(c.GetProperty("adj_r2").GetDouble(), r.AdjR2, "adj_r2");
        var terms = r.Fit.Terms.ToList();
        int cons = terms.IndexOf("_cons");
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            string name = e.GetProperty("name").GetString()!;
            double estimate, se;
            if (!name.StartsWith("firm_", StringComparison.Ordinal)) (estimate, se) = (r[name]!.Estimate, r[name]!.StdError);
            else if (name == "firm_1") (estimate, se) = (r["_cons"]!.Estimate, r["_cons"]!.StdError);
            else
            {
                int j = terms.IndexOf("firm::" + name[5..]);
                estimate = r.Fit.Coefficients[cons] + r.Fit.Coefficients[j];
                se = Math.Sqrt(r.Vcov.Matrix[cons, cons] + r.Vcov.Matrix[j, j] + 2 * r.Vcov.Matrix[cons, j]);
            }
            Near(e.GetProperty("estimate").GetDouble(), estimate, $"{name} estimate");
            Near(e.GetProperty("se").GetDouble(), se, $"{name} se");
        }
    }

    [Fact]
    public void DummiesAreHiddenUnlessAskedFor()
    {
        var r = Fit(PanelModel.DummyVariables);
        Assert.Equal(["value", "capital", "_cons"], r.Coefficients.Select(x => x.Term));
        Assert.Contains(r.Notes, n => n.Code == "hidden_dummies" && n.Text.Contains("FitOptions.ShowFixedEffects lists them", StringComparison.Ordinal));
        Assert.Contains(r.NamingSettings(CliFlags.Name).Notes, n => n.Text.Contains("--show-fe", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomEffectsMatchSwamyArora()
    {
        var c = Load("grunfeld_re_swar_hausman");
        var r = Fit(PanelModel.RandomEffects);
        Assert.True(r.Vcov.IsNormal);
        Coefficients(c, r, name => name);
        var comp = r.Components!;
        Near(c.GetProperty("theta").GetDouble(), comp.Theta!.Value, "theta");
        Near(c.GetProperty("sigma_u").GetDouble(), comp.SigmaU!.Value, "sigma_u");
        Near(c.GetProperty("sigma_e").GetDouble(), comp.SigmaE!.Value, "sigma_e");
        // The variant σ_e²(X*'X*)⁻¹ is the primary covariance rescaled by σ_e²/s2*, s2* = SSR*/(N-K).
        var variant = c.GetProperty("se_variants")[0];
        double rescale = comp.SigmaE.Value * comp.SigmaE.Value / (r.Fit.Ssr / (r.Nobs - r.Fit.K));
        foreach (var p in variant.GetProperty("se").EnumerateObject())
        {
            var row = r[p.Name]!;
            double se = row.StdError * Math.Sqrt(rescale);
            Near(p.Value.GetDouble(), se, $"{p.Name} se (sigma_e variant)");
            Near(variant.GetProperty("p").GetProperty(p.Name).GetDouble(), TailProbability.NormalTwoSided(row.Estimate / se), $"{p.Name} p (sigma_e variant)");
        }
        var h = c.GetProperty("tests").GetProperty("hausman_fe_vs_re");
        var test = Assert.Single(HausmanTest.Run(Grunfeld, "inv ~ value + capital", new FitOptions { Panel = ("firm", "year") })).Test;
        Near(h.GetProperty("chi2").GetDouble(), test.Statistic, "hausman chi2");
        Assert.Equal(h.GetProperty("df").GetDouble(), test.Df);
        Near(h.GetProperty("p").GetDouble(), test.PValue, "hausman p");
        Assert.Null(test.Note);
    }

    [Fact]
    public void FirstDifferencesMatchRegressOnDifferences()
    {
        var c = Load("grunfeld_fd_cluster");
        var r = Fit(PanelModel.FirstDifference, "cluster:firm");
        Assert.Equal(c.GetProperty("nobs").GetInt32(), r.Nobs);
        Assert.Equal(9, r.Vcov.DfResidual);
        string Term(string name) => name.StartsWith("d_", StringComparison.Ordinal) ? $"d({name[2..]})" : name;
        Coefficients(c, r, Term);
        Near(c.GetProperty("r2").GetDouble(), r.R2, "r2");
        Near(c.GetProperty("adj_r2").GetDouble(), r.AdjR2, "adj_r2");
        var iid = r.WithVcov(VcovSpec.Iid);
        foreach (var p in c.GetProperty("se_variants")[0].GetProperty("se").EnumerateObject())
            Near(p.Value.GetDouble(), iid[Term(p.Name)]!.StdError, $"{p.Name} iid se");
        Assert.Equal("fd", iid.Model);
    }

    private static void Coefficients(JsonElement c, RegressionResult r, Func<string, string> term)
    {
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = r[term(e.GetProperty("name").GetString()!)]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{row.Term} estimate");
            Near(e.GetProperty("se").GetDouble(), row.StdError, $"{row.Term} se");
            Near(e.GetProperty("stat").GetDouble(), row.Statistic, $"{row.Term} statistic");
            Near(e.GetProperty("p").GetDouble(), row.PValue, $"{row.Term} p");
        }
    }

    internal static void Near(double expected, double actual, string what, double tolerance = 1e-6)
    {
        double err = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(err <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {err:g3})");
    }

    private static JsonElement Load(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("oracle", "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }
}
