using Panelwise.Cli.Output;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Issue 17 item 6: without --out a study writes to output/STEM/ beside it, so two studies in one folder keep
/// their own output; the run prints a short summary (where the tables and report are, data counts, checks by
/// severity, notes per table) instead of every file name.</summary>
public sealed class RunOutputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));

    public RunOutputTests()
    {
        Directory.CreateDirectory(_root);
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(_root, "grunfeld.csv"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private string Study(string name, string table, string formula)
    {
        string path = Path.Combine(_root, name);
        File.WriteAllText(path, $$"""
            data: { file: grunfeld.csv }
            panel: { id: firm, time: year }
            tables:
              - name: {{table}}
                columns:
                  - { formula: "{{formula}}", vcov: "cluster:firm" }
            """);
        return path;
    }

    [Fact]
    public void Two_studies_in_one_folder_write_to_their_own_output_folders()
    {
        var first = CliRunner.Run("run", Study("study.yaml", "first", "inv ~ value | firm"));
        var second = CliRunner.Run("run", Study("synthetic.yaml", "second", "inv ~ capital | firm"));
        Assert.True(first.Exit == 0, first.Err);
        Assert.True(second.Exit == 0, second.Err);
        string output = Path.Combine(_root, "output");
        Assert.Equal(["study", "synthetic"], Directory.EnumerateDirectories(output).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(output, "study", "first.xlsx")));
        Assert.False(File.Exists(Path.Combine(output, "study", "second.xlsx")));
        Assert.True(File.Exists(Path.Combine(output, "synthetic", "second.docx")));
        Assert.False(File.Exists(Path.Combine(output, "synthetic", "first.docx")));
        Assert.Contains(Path.Combine("output", "study"), first.Out);
    }

    [Fact]
    public void The_run_prints_a_summary_not_every_file()
    {
        var run = CliRunner.Run("run", Study("study.yaml", "baseline", "inv ~ value + capital | firm"), "--out", Path.Combine(_root, "out"));
        Assert.True(run.Exit == 0, run.Err);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("1 table written to ", lines[0]);
        Assert.Contains("report: " + Path.Combine(_root, "out", "report.html"), lines);
        Assert.Contains("data: 200 rows in data.csv.", lines);
        // Grunfeld has 10 firms: the few-clusters check is a caution, counted, not a warning printed in full.
        Assert.Contains("checks: 0 warnings, 1 caution (few_clusters 1); every one in checks.md.", lines);
        Assert.Contains("notes by table (all of them in report.html):", lines);
        Assert.Contains("  baseline:", lines);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("baseline.", StringComparison.Ordinal));   // no file list
        Assert.True(lines.Length < 12, run.Out);
    }

    [Fact]
    public void Progress_goes_only_to_the_console_error_stream()
    {
        Assert.Null(InteractiveProgress.ForTerminal(new StringWriter()));
    }
}
