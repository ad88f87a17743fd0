using System.Text.Json;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Panel;

/// <summary>Stata xtreg conventions: with <c>fe</c>, <c>vce(robust)</c> is <c>vce(cluster id)</c> (CR1 with
/// G/(G-1)·(N-1)/(N-K), K = slopes + _cons, t(G-1)); <c>be</c> prints N = observations with the groups apart.</summary>
public class XtregConventionTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");
    private static readonly Frame Data = DataReader.Read(Grunfeld);

    [Fact]
    public void FixedEffectsRobustIsClusteredByTheId()
    {
        var options = new FitOptions { Model = PanelModel.FixedEffects, Panel = ("firm", "year") };
        var robust = Assert.Single(Regression.Fit(Data, "inv ~ value + capital", options with { Vcov = VcovSpec.Heteroskedastic(1) }));
        var cluster = Assert.Single(Regression.Fit(Data, "inv ~ value + capital", options with { Vcov = VcovSpec.Cluster("firm") }));
        Assert.Equal(VcovSpec.Cluster("firm"), robust.Vcov.Spec);
        Assert.Equal(9, robust.Vcov.DfResidual);
        foreach (var term in new[] { "value", "capital", "_cons" })
            Assert.Equal(cluster[term]!.StdError, robust[term]!.StdError);
        // Printed (6 significant digits) by gretl for the same model with its cluster-robust "Robust (HAC)" errors, which
        // are xtreg, fe vce(robust)'s: value 0.0151945, capital 0.0527518, const 27.6029; t(9).
        OracleCases.Near(0.0151945, robust["value"]!.StdError, "value se", 5e-6);
        OracleCases.Near(0.0527518, robust["capital"]!.StdError, "capital se", 5e-6);
        OracleCases.Near(27.6029, robust["_cons"]!.StdError, "_cons se", 5e-6);
        Assert.Contains(robust.Notes, n => n.Text.Contains("clustered by firm, as xtreg, fe vce(robust)", StringComparison.Ordinal));
    }

    [Fact]
    public void CliSaysRobustIsClusteredAndCountsGroups()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--model", "fe", "--vcov", "robust", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("cluster", json.GetProperty("vcov").GetProperty("type").GetString());
        Assert.Equal(10, json.GetProperty("vcov").GetProperty("clusters").GetProperty("firm").GetInt32());
        Assert.Equal(10, json.GetProperty("groups").GetInt32());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("xtreg, fe vce(robust)", StringComparison.Ordinal));
    }

    [Fact]
    public void BetweenCountsObservationsAndGroups()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--model", "be", "--if", "year >= 1940", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(150, json.GetProperty("nobs").GetInt32());
        Assert.Equal(10, json.GetProperty("groups").GetInt32());
        Assert.Equal(7, json.GetProperty("df_resid").GetInt32());
        var text = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--model", "be");
        Assert.Contains("Number of obs = 200    Number of groups = 10    Residual df = 7", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void StudyTableNotesTheClustering()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(Grunfeld, Path.Combine(dir, "grunfeld.csv"));
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, """
            data: { file: grunfeld.csv }
            panel: { id: firm, time: year }
            tables:
              - name: fe
                columns:
                  - { formula: "inv ~ value + capital", model: fe, vcov: robust }
            """);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(path)), Path.Combine(dir, "out"));
        var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json"))).RootElement;
        var result = results.GetProperty("tables")[0].GetProperty("columns")[0].GetProperty("result");
        Assert.Equal("cluster", result.GetProperty("vcov").GetProperty("type").GetString());
        var markdown = string.Concat(Directory.GetFiles(Path.Combine(dir, "out"), "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("clustered by firm", markdown, StringComparison.Ordinal);
    }
}
