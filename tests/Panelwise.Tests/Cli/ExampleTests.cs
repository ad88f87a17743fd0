using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The README's index and group commands on examples/indices run as documented.</summary>
public class ExampleTests
{
    private static string Examples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Panelwise.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "examples", "indices");
    }

    [Fact]
    public void Readme_index_example_runs()
    {
        string output = Path.Combine(Path.GetTempPath(), $"pw-{Guid.NewGuid():N}.csv");
        var (exit, stdout, stderr) = CliRunner.Run("index", Path.Combine(Examples(), "produc.csv"),
            "--spec", Path.Combine(Examples(), "infrastructure.yaml"), "--out", output);
        Assert.True(exit == 0, stderr);
        Assert.Contains("公共资本 (capital)", stdout);
        Assert.EndsWith(",infra,capital,labour", File.ReadLines(output).First());
        File.Delete(output);
    }

    [Fact]
    public void Readme_group_example_runs()
    {
        var (exit, stdout, stderr) = CliRunner.Run("group", Path.Combine(Examples(), "produc.csv"),
            "--indicators", "pcap, hwy, water, util, emp, unemp", "--id", "state", "--pca", "auto", "--k", "3",
            "--labels", "低,中,高", "--seed", "1");
        Assert.True(exit == 0, stderr);
        Assert.Contains("3 高: CALIFORNIA, NEW_YORK", stdout);
    }
}
