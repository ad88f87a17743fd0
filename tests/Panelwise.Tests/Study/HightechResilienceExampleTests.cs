using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/hightech-resilience (issue 9, first slice): the study on real Chinese provincial data runs end to
/// end, fills the missing 2017 high-tech values by interpolation and says so, and estimates on 30 provinces x 2016-2022.</summary>
public class HightechResilienceExampleTests
{
    [Fact]
    public void Real_data_study_runs_and_reports_the_interpolation()
    {
        string study = RepositoryPath.Of("examples", "hightech-resilience", "study.yaml");
        string output = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var (exit, stdout, stderr) = CliRunner.Run("run", study, "--out", output);
        Assert.True(exit == 0, stderr);

        string[] expected = [.. new[] { "descriptive", "baseline" }
            .SelectMany(t => new[] { ".md", ".tex", ".html", ".docx", ".xlsx" }.Select(e => t + e)), "results.json", "checks.md", "data.csv", "report.html"];
        foreach (var name in expected)
            Assert.True(File.Exists(Path.Combine(output, name)), $"{name} was not written");

        // 2017 is missing for every province (31, Tibet included) in the high-tech operation series.
        Assert.Contains("hr_profit = interpolate(hitech_profit): 31 missing values filled linearly in year within province", stdout);
        Assert.Contains("hr_revenue = interpolate(hitech_revenue): 31 missing values filled", stdout);
        Assert.Contains("hr_revenue_share = interpolate(hitech_revenue_share_pct): 31 missing values filled", stdout);
        Assert.Contains("31 missing values filled", File.ReadAllText(Path.Combine(output, "results.json")));

        string descriptive = File.ReadAllText(Path.Combine(output, "descriptive.md"));
        Assert.Contains("| 高技术产业韧性 | 210 |", descriptive);
        Assert.Contains("| 高技术产业利润总额(亿元) | 210 |", descriptive);
        string baseline = File.ReadAllText(Path.Combine(output, "baseline.md"));
        Assert.Contains("| N | 210 | 210 | 210 |", baseline);
        Assert.Contains("| 省份 FE | Yes | Yes | Yes |", baseline);
        Assert.Contains("only 30 clusters (province)", File.ReadAllText(Path.Combine(output, "checks.md")));
    }
}
