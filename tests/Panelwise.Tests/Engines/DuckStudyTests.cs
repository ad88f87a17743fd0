using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>A study's <c>engine: VARIABLE</c> source may name a DuckDB database file (duckdb:///path/warehouse.duckdb):
/// the study runs on its table's rows and its outputs never hold the URL.</summary>
public class DuckStudyTests(DuckWarehouse warehouse) : IClassFixture<DuckWarehouse>
{
    [Fact]
    public void A_study_reads_its_data_from_a_duckdb_database_named_by_an_environment_variable()
    {
        string variable = "PANELWISE_TEST_DUCK_" + Environment.ProcessId;
        Environment.SetEnvironmentVariable(variable, "duckdb://" + warehouse.Database);
        try
        {
            string folder = Path.Combine(warehouse.Folder, "study");
            Directory.CreateDirectory(folder);
            string study = Path.Combine(folder, "study.yaml");
            File.WriteAllText(study, $$"""
                data:
                  - { engine: {{variable}}, query: "SELECT id, year, y, x1, x2 FROM panel WHERE id <= 300 AND y IS NOT NULL" }
                panel: { id: id, time: year }
                tables:
                  - name: baseline
                    columns:
                      - formula: "y ~ x1 + x2 | id + year"
                        vcov: cluster:id
                """);
            string output = Path.Combine(folder, "out");
            Assert.NotNull(StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output));
            // The query's rows (units 1-300 have 7-10 years each: no singletons), counted from the Parquet copy.
            var frame = Panelwise.IO.DataReader.Read(warehouse.Parquet);
            var id = ((Panelwise.Data.NumericColumn)frame["id"]).Values;
            var y = ((Panelwise.Data.NumericColumn)frame["y"]).Values;
            int expected = Enumerable.Range(0, frame.RowCount).Count(i => id[i] <= 300 && !double.IsNaN(y[i]));
            Assert.InRange(expected, 2000, 3000);
            string md = File.ReadAllText(Path.Combine(output, "baseline.md"));
            Assert.Contains(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), md);
            foreach (string file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain("duckdb://", File.ReadAllText(file), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
