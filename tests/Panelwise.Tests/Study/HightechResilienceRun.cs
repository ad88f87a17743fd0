using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;

namespace Panelwise.Tests.Study;

/// <summary>One run of examples/hightech-resilience/study.yaml through the CLI, shared by the tests of the real-data
/// example (the run takes a few seconds), and the example's CSV read independently of the library.</summary>
public sealed class HightechResilienceRun
{
    public HightechResilienceRun()
    {
        Output = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        (Exit, Stdout, Stderr) = CliRunner.Run("run", RepositoryPath.Of("examples", "hightech-resilience", "study.yaml"), "--out", Output);
    }

    public string Output { get; }
    public int Exit { get; }
    public string Stdout { get; }
    public string Stderr { get; }

    public string Read(string name) => File.ReadAllText(Path.Combine(Output, name));

    /// <summary>The rows of the example's CSV as column name -> text cell (quotes removed; no cell holds a comma).</summary>
    public static List<Dictionary<string, string>> CsvRows()
    {
        var lines = File.ReadAllLines(RepositoryPath.Of("examples", "hightech-resilience", "data", "china_provincial_panel_2010_2023.csv"))
            .Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        return lines.Skip(1).Select(l => l.Split(',').Select((cell, i) => (header[i], cell.Trim('"'))).ToDictionary(p => p.Item1, p => p.Item2)).ToList();
    }
}
