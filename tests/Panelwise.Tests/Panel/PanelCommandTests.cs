using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Panel;

/// <summary>The panel models through the command line: the JSON places ("components", "tests") and the answers to bad input.</summary>
public class PanelCommandTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");

    [Fact]
    public void FixedEffectsJsonHasComponentsAndTheEffectsTest()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--model", "fe", "--panel", "firm,year", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("fe", r.GetProperty("model").GetString());
        foreach (var key in new[] { "sigma_u", "sigma_e", "rho", "r2_between", "r2_overall" })
            Assert.Equal(JsonValueKind.Number, r.GetProperty("components").GetProperty(key).ValueKind);
        Assert.Equal([9.0, 188.0], r.GetProperty("tests").GetProperty("f_u").GetProperty("df").EnumerateArray().Select(d => d.GetDouble()));
    }

    [Fact]
    public void RandomEffectsJsonUsesZAndReportsBreuschPagan()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--model", "re", "--panel", "firm,year", "--json",
            "--if", "!(firm >= 8 & year >= 1945)");
        Assert.Equal(0, exit);
        var r = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("z", r.GetProperty("vcov").GetProperty("distribution").GetString());
        Assert.Equal(JsonValueKind.Object, r.GetProperty("components").GetProperty("theta_summary").ValueKind);
        Assert.Equal(1, r.GetProperty("tests").GetProperty("bp_lm").GetProperty("df").GetDouble());
        Assert.True(r.GetProperty("tests").TryGetProperty("wald", out _));
    }

    [Fact]
    public void HausmanJsonHasTheTest()
    {
        var (exit, stdout, stderr) = CliRunner.Run("hausman", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var h = JsonDocument.Parse(stdout).RootElement.GetProperty("tests").GetProperty("hausman");
        Assert.Equal(2, h.GetProperty("df").GetDouble());
        Assert.InRange(h.GetProperty("statistic").GetDouble(), 2.3303, 2.3304);
        var more = JsonDocument.Parse(CliRunner.Run("hausman", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--json", "--sigmamore").Out).RootElement;
        Assert.Contains("sigmamore", more.GetProperty("convention").GetString());
    }

    [Theory]
    [InlineData("fe")]
    [InlineData("re")]
    [InlineData("be")]
    [InlineData("fd")]
    [InlineData("lsdv")]
    public void PanelModelsNeedThePanel(string model)
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--model", model);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"--model {model} needs the panel: pass --panel id,time", stderr);
    }

    [Theory]
    [InlineData("fit", "inv ~ value + capital", "--model", "xtgls", "Unknown model 'xtgls'")]
    [InlineData("fit", "inv ~ value + capital | year", "--model", "re", "takes no absorbed effects")]
    [InlineData("fit", "inv ~ value + capital", "--vcov", "cluster:year", "must be constant within each firm")]
    [InlineData("hausman", "inv ~ value + capital", "--weights", "capital", "does not take --weights")]
    public void BadPanelInputGetsOneClearLine(string command, string formula, string option, string value, string expected)
    {
        string[] args = command == "fit" && option != "--model"
            ? [command, Grunfeld, formula, "--panel", "firm,year", "--model", "be", option, value]
            : [command, Grunfeld, formula, "--panel", "firm,year", option, value];
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
