using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>A study's <c>data:</c> source on an engine (<c>engine: VARIABLE</c>, the URL in the environment): the study
/// runs on the engine's rows, its outputs never hold the URL or its password, and an unset variable is a study error
/// naming the line and the variable.</summary>
[Collection("postgres")]
public class EngineStudyTests(PostgresCluster cluster)
{
    [Fact]
    public void A_study_reads_its_data_from_an_engine_named_by_an_environment_variable()
    {
        string variable = "PANELWISE_TEST_DB_" + Environment.ProcessId;
        Environment.SetEnvironmentVariable(variable, cluster.Url.Replace("postgres@", "postgres:s3cret-pw@"));
        string folder = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string study = Path.Combine(folder, "study.yaml");
        File.WriteAllText(study, $$"""
            data:
              - { engine: {{variable}}, query: "SELECT id, year, y, x1, x2 FROM panel WHERE id <= 300" }
            panel: { id: id, time: year }
            tables:
              - name: baseline
                columns:
                  - formula: "y ~ x1 + x2 | id + year"
                    vcov: cluster:id
            """);
        string output = Path.Combine(folder, "out");
        var outcome = StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output);
        Assert.NotNull(outcome);
        string md = File.ReadAllText(Path.Combine(output, "baseline.md"));
        Assert.Contains("3,000", md.Replace("3000", "3,000"));
        foreach (string file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain("s3cret", text);
            Assert.DoesNotContain("postgresql://", text, StringComparison.Ordinal);
        }
        Environment.SetEnvironmentVariable(variable, null);
        var ex = Assert.ThrowsAny<UserInputException>(() => StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output + "2"));
        Assert.Contains(variable, ex.Message);
    }
}
