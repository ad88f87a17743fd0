using System.Text.Json;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.Models;
using Panelwise.Results;
using Panelwise.Tests.Cli;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The push-down fit in embedded DuckDB equals the in-memory fit of the same rows, read from the Parquet copy by
/// Panelwise's own Parquet reader (not through DuckDB), to 1e-10 relative in coefficients and standard errors, with the
/// same sample, degrees of freedom, R² and notes; a DuckDB table, a query and a Parquet file give the same fit; a
/// missing file, table or column is a user error naming it, without DuckDB's text.</summary>
public class DuckPushdownTests(DuckWarehouse warehouse) : IClassFixture<DuckWarehouse>
{
    private const string OneWay = "y ~ x1 + x2 | id";
    private const string TwoWay = "y ~ x1 + x2 | id + year";

    private RegressionResult InMemory(string formula, VcovSpec spec) =>
        Regression.Fit(DataReader.Read(warehouse.Parquet), formula, new FitOptions { Vcov = spec })[0];

    [Theory]
    [InlineData(OneWay, "iid")]
    [InlineData(OneWay, "hc1")]
    [InlineData(OneWay, "cluster:id")]
    [InlineData(OneWay, "cluster:region")]
    [InlineData(OneWay, "cluster:grp")]
    [InlineData(TwoWay, "iid")]
    [InlineData(TwoWay, "hc1")]
    [InlineData(TwoWay, "cluster:id")]
    [InlineData(TwoWay, "cluster:grp")]
    [InlineData(TwoWay, "cluster:year")]
    public void Pushdown_equals_the_in_memory_fit(string formula, string vcov)
    {
        var spec = VcovSpec.Parse(vcov);
        var pushed = DuckPushdown.Fit(DuckSource.Parse(warehouse.Table), formula, spec);
        var memory = InMemory(formula, spec);
        // 10 singleton units dropped, plus the units left with one row after y's missing rows.
        Assert.InRange(memory.Nobs, 17_000, 17_900);
        // Every note, the one on rows dropped for missing values included, word for word.
        Assert.Contains(memory.Notes, n => n.Text.Contains("missing values in y"));
        SameFit.Equal(memory, pushed, 1e-10);
        Assert.Equal(("duckdb", "embedded", formula == TwoWay ? 4 : 3), (pushed.Engine!.Engine, pushed.Engine.Path, pushed.Engine.Passes));
    }

    [Fact]
    public void A_parquet_file_and_a_query_give_the_fit_of_the_table()
    {
        var spec = VcovSpec.Parse("cluster:id");
        var table = DuckPushdown.Fit(DuckSource.Parse(warehouse.Table), TwoWay, spec);
        var parquet = DuckPushdown.Fit(DuckSource.Parse("duckdb://" + warehouse.Parquet), TwoWay, spec);
        string query = Uri.EscapeDataString($"SELECT * FROM read_parquet('{warehouse.Parquet}') WHERE year >= 2001");
        var inMemoryDb = DuckPushdown.Fit(DuckSource.Parse("duckdb://?query=" + query), TwoWay, spec);
        var onDatabase = DuckPushdown.Fit(DuckSource.Parse($"duckdb://{warehouse.Database}?query={Uri.EscapeDataString("SELECT * FROM panel")}"), TwoWay, spec);
        foreach (var other in new[] { parquet, inMemoryDb, onDatabase })
        {
            Assert.Equal(table.Nobs, other.Nobs);
            for (int j = 0; j < table.Coefficients.Count; j++)
            {
                Close(table.Coefficients[j].Estimate, other.Coefficients[j].Estimate);
                Close(table.Coefficients[j].StdError, other.Coefficients[j].StdError);
            }
        }
        // A filter in the query changes the sample: the query really ran.
        var filtered = DuckPushdown.Fit(DuckSource.Parse($"duckdb://{warehouse.Database}?query={Uri.EscapeDataString("SELECT * FROM panel WHERE year > 2003")}"), TwoWay, spec);
        Assert.True(filtered.Nobs < table.Nobs - 1000);
    }

    [Fact]
    public void The_cli_fits_in_duckdb_and_says_so()
    {
        var (exit, output, error) = CliRunner.Run("fit", "duckdb://" + warehouse.Parquet, TwoWay, "--vcov", "cluster:id", "--json");
        Assert.True(exit == 0, error);
        var engine = JsonDocument.Parse(output).RootElement.GetProperty("engine");
        Assert.Equal("duckdb", engine.GetProperty("engine").GetString());
        Assert.Equal("embedded", engine.GetProperty("path").GetString());
        Assert.Equal(4, engine.GetProperty("passes").GetInt32());
        // O(k² + T²) numbers, not O(rows).
        Assert.InRange(engine.GetProperty("bytes_fetched").GetInt64(), 1, 4000);
        var memory = InMemory(TwoWay, VcovSpec.Parse("cluster:id"));
        double x1 = JsonDocument.Parse(output).RootElement.GetProperty("coefficients")[0].GetProperty("estimate").GetDouble();
        Close(memory.Coefficients[0].Estimate, x1);
    }

    [Fact]
    public void A_model_the_engine_cannot_compute_reads_the_rows_from_duckdb()
    {
        // A filter needs the rows: they are read through DuckDB and fitted in memory, equal to the Parquet reader's rows.
        var (exit, output, error) = CliRunner.Run("fit", warehouse.Table, OneWay, "--vcov", "hc1", "--if", "year > 2003", "--json");
        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.TryGetProperty("engine", out var e) && e.ValueKind != JsonValueKind.Null);
        var memory = Regression.Fit(DataReader.Read(warehouse.Parquet), OneWay,
            new FitOptions { Vcov = VcovSpec.Parse("hc1"), If = "year > 2003" })[0];
        Close(memory.Coefficients[0].Estimate, json.GetProperty("coefficients")[0].GetProperty("estimate").GetDouble());
        Close(memory.Coefficients[0].StdError, json.GetProperty("coefficients")[0].GetProperty("std_error").GetDouble());
    }

    [Fact]
    public void A_missing_file_table_or_column_is_named()
    {
        var spec = VcovSpec.Parse("cluster:id");
        string missing = Path.Combine(warehouse.Folder, "nowhere.parquet");
        var file = Assert.Throws<DataException>(() => DuckPushdown.Fit(DuckSource.Parse("duckdb://" + missing), OneWay, spec));
        Assert.Contains(missing, file.Message);
        Assert.Contains("does not exist", file.Message);
        string noDb = Path.Combine(warehouse.Folder, "nothing.duckdb");
        Assert.Contains(noDb, Assert.Throws<DataException>(() => DuckSource.Parse($"duckdb://{noDb}?table=panel")).Message);
        Assert.False(File.Exists(noDb));   // never created by opening it
        var table = Assert.Throws<DataException>(() => DuckPushdown.Fit(DuckSource.Parse($"duckdb://{warehouse.Database}?table=pannel"), OneWay, spec));
        Assert.Contains("no table pannel", table.Message);
        var column = Assert.Throws<DataException>(() => DuckPushdown.Fit(DuckSource.Parse(warehouse.Table), "y ~ x1 + x9 | id", spec));
        Assert.Equal("x9", column.Column);
        Assert.Contains("x9", column.Message);
        foreach (var e in new Exception[] { file, table, column })
        {
            Assert.DoesNotContain("Catalog Error", e.Message);
            Assert.DoesNotContain("Binder Error", e.Message);
            Assert.DoesNotContain("LINE 1", e.Message);
        }
        Assert.Throws<DataException>(() => DuckSource.Parse($"duckdb://{warehouse.Parquet}?table=panel"));
        Assert.Throws<DataException>(() => DuckSource.Parse($"duckdb://{warehouse.Database}"));
    }

    /// <summary>The sample, weights and two-way clusters run through the same statements as on PostgreSQL: NaN in a
    /// DOUBLE column is missing (as the in-memory reader makes it), weights enter every sum.</summary>
    [Theory]
    [InlineData("y ~ x1 + x2n | id + year", "cluster:id", null)]
    [InlineData("y ~ x1 + x2 | id + year", "cluster:id", "w")]
    [InlineData("y ~ x1 + x2n | id", "cluster:id+year", "w")]
    public void Nan_weights_and_two_way_clusters_equal_the_in_memory_fit(string formula, string vcov, string? weights)
    {
        var spec = VcovSpec.Parse(vcov);
        var pushed = DuckPushdown.Fit(DuckSource.Parse(warehouse.Table), formula, spec, weights: weights);
        var memory = Regression.Fit(DataReader.Read(warehouse.Parquet), formula, new FitOptions { Vcov = spec, Weights = weights })[0];
        if (formula.Contains("x2n")) Assert.Contains(pushed.Notes, n => n.Text.Contains("x2n"));
        SameFit.Equal(memory, pushed, 1e-10);
    }

    [Fact]
    public void The_cli_reports_a_missing_table_as_a_user_error()
    {
        var (exit, output, error) = CliRunner.Run("fit", $"duckdb://{warehouse.Database}?table=pannel", OneWay, "--vcov", "cluster:id");
        Assert.NotEqual(0, exit);
        Assert.Contains("no table pannel", output + error);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("Catalog Error", output + error);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
