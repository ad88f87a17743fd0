using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/grunfeld-study runs end to end through the CLI and gives byte-identical files on a second run.</summary>
public class ExampleStudyTests
{
    [Fact]
    public void Grunfeld_study_runs_and_reruns_identically()
    {
        string study = RepositoryPath.Of("examples", "grunfeld-study", "study.yaml");
        string first = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        string second = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var run1 = CliRunner.Run("run", study, "--out", first);
        Assert.True(run1.Exit == 0, run1.Err);
        var run2 = CliRunner.Run("run", study, "--out", second);
        Assert.True(run2.Exit == 0, run2.Err);
        Assert.Equal("", run1.Err);
        string[] expected = [.. new[] { "descriptive", "correlation", "baseline" }
            .SelectMany(t => new[] { ".md", ".tex", ".html", ".docx", ".xlsx" }.Select(e => t + e)), "results.json", "checks.md", "data.csv", "report.html", "tables.xlsx"];
        Assert.Equal(expected.Order(), Directory.GetFiles(first).Select(Path.GetFileName).Order());
        foreach (var name in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(first, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, name))), $"{name} differs between runs");
        string baseline = File.ReadAllText(Path.Combine(first, "baseline.md"));
        Assert.Contains("| Controls | No | Yes | Yes | Yes | Yes |", baseline);
        Assert.Contains("| Year FE | No | No | No | Yes | Yes |", baseline);
        Assert.Contains("| 资本/市值 |", File.ReadAllText(Path.Combine(first, "descriptive.md")));
    }

    [Fact]
    public void Describe_prints_statistics_correlations_and_vif()
    {
        var (exit, stdout, stderr) = CliRunner.Run("describe", RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"),
            "inv", "value", "capital", "--if", "year >= 1935", "--corr", "--vif");
        Assert.True(exit == 0, stderr);
        Assert.Contains("inv       200   145.958   57.485   216.875   0.930  1486.700", stdout);
        Assert.Contains("(2) value    0.857***     1.000", stdout);
        Assert.Contains("Mean VIF  3.707", stdout);
    }
}
