using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/innovation-chain (seed 000 on generated data) runs end to end, and the baseline's main effect
/// recovers the generator's true total effect (0.30, examples/innovation-chain/README.md).</summary>
public class InnovationChainExampleTests
{
    private const double TrueTotalEffect = 0.30;

    [Fact]
    public void Innovation_chain_study_runs_and_baseline_ci_covers_the_true_effect()
    {
        string study = RepositoryPath.Of("examples", "innovation-chain", "study.yaml");
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var run = CliRunner.Run("run", study, "--out", dir);
        Assert.True(run.Exit == 0, run.Err);
        foreach (var table in new[] { "descriptive", "baseline", "chain_parts", "endogeneity", "robustness", "mechanism" })
            Assert.True(File.Exists(Path.Combine(dir, table + ".md")), $"{table}.md missing");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        var baseline = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "baseline");
        var columns = baseline.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(6, columns.Count);
        // The last csw step has all five controls with industry and year FE, clustered by industry: the paper's main column.
        var result = columns[^1].GetProperty("result");
        Assert.Equal(385, result.GetProperty("nobs").GetInt32());
        var aie = result.GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "aie");
        double low = aie.GetProperty("conf_low").GetDouble(), high = aie.GetProperty("conf_high").GetDouble();
        Assert.True(low <= TrueTotalEffect && TrueTotalEffect <= high, $"95% CI [{low}, {high}] misses {TrueTotalEffect}");
        Assert.True(low > 0, "the effect should be significant at 5%");

        string endogeneity = File.ReadAllText(Path.Combine(dir, "endogeneity.md"));
        Assert.Contains("| KP rk LM |", endogeneity);
        Assert.Contains("| KP rk Wald F |", endogeneity);
        Assert.Contains("| 人工智能嵌入程度 |", File.ReadAllText(Path.Combine(dir, "baseline.md")));
    }
}
