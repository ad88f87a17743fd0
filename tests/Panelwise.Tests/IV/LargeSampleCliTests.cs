using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>The fit command's --no-small and kernel covariances on IV formulas: the JSON says which conventions
/// ("conventions", the distribution of the coefficient statistics and of the model test), the table says so, and
/// --no-small is refused for xtreg-style panel models.</summary>
public class LargeSampleCliTests
{
    private static readonly string Series = ReferencePath.Of("iv", "hac", "ts_hac_data.csv");

    [Fact]
    public void NoSmallJsonStatesLargeSampleConventions()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Series, "y ~ w | x ~ z1 + z2", "--panel", "id,t", "--vcov", "nw:2", "--estimator", "gmm", "--no-small", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("iv_gmm", r.GetProperty("model").GetString());
        var vcov = r.GetProperty("vcov");
        Assert.Equal("large_sample", vcov.GetProperty("conventions").GetString());
        Assert.Equal("z", vcov.GetProperty("distribution").GetString());
        Assert.Equal(2, vcov.GetProperty("lag").GetInt32());
        Assert.Equal("chi2", r.GetProperty("tests").GetProperty("wald").GetProperty("distribution").GetString());
    }

    [Fact]
    public void DefaultIsSmallAndTheTableSaysWhich()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Series, "y ~ w | x ~ z1 + z2", "--panel", "id,t", "--vcov", "nw:2", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("small", doc.RootElement.GetProperty("vcov").GetProperty("conventions").GetString());
        Assert.Equal("F", doc.RootElement.GetProperty("tests").GetProperty("f").GetProperty("distribution").GetString());
        var (exit2, table, _) = CliRunner.Run("fit", Series, "y ~ w | x ~ z1 + z2", "--panel", "id,t", "--vcov", "hc1", "--no-small");
        Assert.Equal(0, exit2);
        Assert.Contains("large-sample", table);
        Assert.Contains("Wald chi2(2)", table);
    }

    [Fact]
    public void NoSmallIsRefusedForXtregModels()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Series, "y ~ w", "--panel", "id,t", "--model", "fe", "--no-small");
        Assert.Equal(2, exit);
        Assert.Contains("--no-small", stderr);
    }

    [Fact]
    public void KernelCovarianceWithoutPanelSaysDeclareIt()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Series, "y ~ w | x ~ z1 + z2", "--vcov", "dk");
        Assert.Equal(2, exit);
        Assert.Contains("--panel", stderr);
    }
}
