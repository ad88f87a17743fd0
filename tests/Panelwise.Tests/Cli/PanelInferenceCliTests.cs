using System.Text.Json;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The CLI side of the panel inference options: --vcov dk/nw, --model fgls with --panels/--corr, --wildboot.</summary>
public class PanelInferenceCliTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");

    [Fact]
    public void DriscollKraayStatesItsLagAndDistribution()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital | firm", "--panel", "firm,year", "--vcov", "dk:3", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var v = doc.RootElement.GetProperty("vcov");
        Assert.Equal("driscoll_kraay", v.GetProperty("type").GetString());
        Assert.Equal(3, v.GetProperty("lag").GetInt32());
        Assert.Equal(19, v.GetProperty("df").GetInt32());
    }

    [Fact]
    public void FglsJsonUsesZAndLeavesOutR2()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--model", "fgls",
            "--panels", "hetero", "--corr", "ar1", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("fgls", r.GetProperty("model").GetString());
        Assert.Equal("gls", r.GetProperty("vcov").GetProperty("type").GetString());
        Assert.Equal("z", r.GetProperty("vcov").GetProperty("distribution").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("r2").ValueKind);
        Assert.Equal(2, r.GetProperty("tests").GetProperty("wald").GetProperty("df").GetInt32());
        Assert.Contains(r.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("rho = 0.926"));
    }

    [Fact]
    public void WildBootstrapIsATopLevelBlockAndSilentWhenRedirected()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital | firm", "--vcov", "cluster:firm",
            "--wildboot", "999:webb", "--seed", "11", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var b = doc.RootElement.GetProperty("wild_bootstrap");
        Assert.Equal(999, b.GetProperty("reps").GetInt32());
        Assert.Equal("webb", b.GetProperty("weights").GetString());
        Assert.Equal(11, b.GetProperty("seed").GetInt32());
        Assert.False(b.GetProperty("enumerated").GetBoolean());
        Assert.Equal(["value", "capital"], b.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
        var (_, again, _) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital | firm", "--vcov", "cluster:firm",
            "--wildboot", "999:webb", "--seed", "11", "--json");
        Assert.Equal(stdout, again);
        var (bad, _, message) = CliRunner.Run("fit", Grunfeld, "inv ~ value", "--wildboot", "999");
        Assert.Equal(2, bad);
        Assert.Contains("--vcov cluster:VAR", message);
    }

    [Theory]
    [InlineData("--model", "fgls")]
    [InlineData("--panels", "hetero")]
    [InlineData("--vcov", "nw")]
    public void MissingPanelOrModelIsOneClearLine(string option, string value)
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value", option, value);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("panelwise: ", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
