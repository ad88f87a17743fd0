using System.Text.Json.Nodes;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>A study's results.json and the command's --json write the same object with the same writer (issue 16):
/// a correlation table's block equals <c>describe --corr --json</c>'s "correlations" (before, the study listed pairs
/// below the diagonal and the command full matrices).</summary>
public class StudyCommandJsonParityTests
{
    [Fact]
    public void Correlation_table_block_equals_the_describe_command_correlations()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string data = Path.Combine(dir, "produc.csv");
        File.Copy(ReferencePath.Of("oracle", "data", "produc.csv"), data);
        string study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, """
            data: { file: produc.csv }
            tables:
              - name: corr
                correlation: { variables: [unemp, pcap, hwy] }
            """);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), Path.Combine(dir, "out"));
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json")))!;
        var table = results["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "corr")!;

        var run = CliRunner.Run("describe", data, "unemp", "pcap", "hwy", "--corr", "--json");
        Assert.True(run.Exit == 0, run.Err);
        var command = JsonNode.Parse(run.Out)!["correlations"]!;

        Assert.True(JsonNode.DeepEquals(command, table["correlations"]), $"{command}\n---\n{table["correlations"]}");
        Assert.Equal(3, command["r"]!.AsArray().Count);
        Assert.Equal(1.0, command["r"]![1]![1]!.GetValue<double>(), 12);
    }
}
