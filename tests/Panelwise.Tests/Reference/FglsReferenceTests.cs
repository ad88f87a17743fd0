using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Reference;

/// <summary>PanelModel.Fgls (--model fgls; Stata xtgls, two-step, rhotype(regress)). The cases in tests/reference/fgls/cases.json are a
/// re-implementation in R of the formulas documented in Stata's manual (xtgls, Methods and formulas) with a dense Ω
/// (generate.R beside them), not Stata output; produc_fgls_panel_hetero is the project's public oracle case. 1e-6 relative.</summary>
public class FglsReferenceTests
{
    private static readonly JsonElement[] Cases = LoadCases();

    public static TheoryData<string> CaseIds() => new(Cases.Select(c => c.GetProperty("id").GetString()!));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void MatchesDocumentedFormulas(string id)
    {
        var c = Cases.Single(x => x.GetProperty("id").GetString() == id);
        var frame = DataReader.Read(ReferencePath.Of(c.GetProperty("data").GetString()!.Split('/')));
        var panel = c.GetProperty("panel");
        var options = new FitOptions
        {
            Panel = (panel[0].GetString()!, panel[1].GetString()!),
            If = c.TryGetProperty("if", out var filter) ? filter.GetString() : null,
        };
        var fgls = FglsOptions.Parse(c.GetProperty("panels").GetString(), c.GetProperty("corr").GetString());
        // Through the front door, as every other panel model: PanelModel.Fgls with its FglsOptions in FitOptions.
        var result = Assert.Single(Regression.Fit(frame, c.GetProperty("formula").GetString()!, options with { Model = PanelModel.Fgls, Fgls = fgls }));
        Assert.Equal("fgls", result.Model);
        Assert.True(result.Vcov.IsNormal);
        Assert.Equal(c.GetProperty("nobs").GetInt32(), result.Nobs);
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = result[e.GetProperty("term").GetString()!]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{id} {row.Term} estimate");
            Near(e.GetProperty("std_error").GetDouble(), row.StdError, $"{id} {row.Term} se");
            Near(e.GetProperty("statistic").GetDouble(), row.Statistic, $"{id} {row.Term} z");
            Near(e.GetProperty("p_value").GetDouble(), row.PValue, $"{id} {row.Term} p");
        }
    }

    [Fact]
    public void MatchesOracleHeteroCase()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("oracle", "cases.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "produc_fgls_panel_hetero");
        var result = Assert.Single(Regression.Fit(Produc(), "log_gsp ~ log_pcap + log_pc + log_emp + unemp",
            new FitOptions { Panel = ("state", "year"), Model = PanelModel.Fgls, Fgls = new FglsOptions { Panels = FglsPanels.Hetero } }));
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = result[e.GetProperty("name").GetString()!]!;
            Near(e.GetProperty("estimate").GetDouble(), row.Estimate, $"{row.Term} estimate");
            Near(e.GetProperty("se").GetDouble(), row.StdError, $"{row.Term} se");
            Near(e.GetProperty("stat").GetDouble(), row.Statistic, $"{row.Term} z");
            double p = e.GetProperty("p").GetDouble();
            if (p > 0) Near(p, row.PValue, $"{row.Term} p");
            else Assert.True(row.PValue < 1e-300);
        }
        Assert.True(double.IsNaN(result.R2));
    }

    [Fact]
    public void ExplainsWhatCannotBeEstimated()
    {
        var grunfeld = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var panel = new FitOptions { Panel = ("firm", "year") };
        // Four Grunfeld firms have OLS-residual rhos above 1: Prais-Winsten is undefined.
        var rho = Assert.Throws<EstimationException>(() => Fgls.Fit(grunfeld, "inv ~ value + capital", panel,
            new FglsOptions { Correlation = FglsCorrelation.Psar1 }));
        Assert.Contains("rho", rho.Message);
        // 17 periods for 48 states: the cross-panel covariance is singular.
        var singular = Assert.Throws<EstimationException>(() => Fgls.Fit(Produc(), "log_gsp ~ unemp",
            new FitOptions { Panel = ("state", "year") }, new FglsOptions { Panels = FglsPanels.Correlated }));
        Assert.Contains("T >= n", singular.Message);
        var unbalanced = Assert.Throws<UserInputException>(() => Fgls.Fit(grunfeld, "inv ~ value",
            panel with { If = "!(firm == 1 & year == 1954)" }, new FglsOptions { Panels = FglsPanels.Correlated }));
        Assert.Contains("balanced", unbalanced.Message);
        var gap = Assert.Throws<UserInputException>(() => Fgls.Fit(grunfeld, "inv ~ value",
            panel with { If = "!(firm == 3 & year == 1940)" }, new FglsOptions { Correlation = FglsCorrelation.Ar1 }));
        Assert.Contains("firm = 3 jumps from year = 1939 to 1941", gap.Message);
        Assert.Throws<UserInputException>(() => Fgls.Fit(grunfeld, "inv ~ value", new FitOptions(), new FglsOptions()));
        Assert.Throws<UserInputException>(() => Fgls.Fit(grunfeld, "inv ~ value | firm", panel, new FglsOptions()));
        Assert.Throws<UserInputException>(() => FglsOptions.Parse("hetro", null));
    }

    private static Panelwise.Data.Frame Produc() => DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));

    private static void Near(double expected, double actual, string what) => ReferenceCases.Near(expected, actual, 1e-6, what);

    private static JsonElement[] LoadCases() => ReferenceCases.Load("fgls");
}
