using System.Text.Json;
using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.Models;
using Panelwise.Tests.Cli;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The push-down fit on the sharded cluster equals the in-memory fit of the same rows (pulled through the
/// reader) to 1e-8 relative in coefficients and standard errors, with the same sample, degrees of freedom, R² and
/// notes. Convention (reghdfe): singletons dropped, _cons = ȳ - x̄'b, FE levels not counted when nested in the cluster
/// variable (cluster:id and cluster:region, region = id mod 37, are nested; grp varies within units).</summary>
[Collection("postgres")]
public class EnginePushdownTests(PostgresCluster cluster)
{
    private const string Formula = "y ~ x1 + x2 | id";
    private const string TwoWay = "y ~ x1 + x2 | id + year";

    [Theory]
    [InlineData(Formula, "iid")]
    [InlineData(Formula, "hc1")]
    [InlineData(Formula, "cluster:id")]
    [InlineData(Formula, "cluster:region")]
    [InlineData(Formula, "cluster:grp")]
    [InlineData(TwoWay, "iid")]
    [InlineData(TwoWay, "hc1")]
    [InlineData(TwoWay, "cluster:id")]
    [InlineData(TwoWay, "cluster:grp")]
    [InlineData(TwoWay, "cluster:year")]
    [InlineData(Formula, "cluster:id+grp")]
    [InlineData(Formula, "cluster:grp+year")]
    [InlineData(TwoWay, "cluster:id+year")]
    [InlineData(TwoWay, "cluster:grp+region")]
    public void Pushdown_equals_the_in_memory_fit(string formula, string vcov)
    {
        var spec = VcovSpec.Parse(vcov);
        var pushed = EnginePushdown.Fit(EngineSource.Parse(cluster.Panel), formula, spec);
        var frame = DataReader.Read(cluster.Panel, new ReadOptions { Columns = new HashSet<string> { "y", "x1", "x2", "id", "year", "region", "grp" } });
        Assert.Equal(19_910, frame.RowCount);
        var memory = Regression.Fit(frame, formula, new FitOptions { Vcov = spec })[0];
        Assert.Equal(19_900, pushed.Nobs);
        SameFit.Equal(memory, pushed, 1e-8);
        Assert.Equal(formula == TwoWay ? 4 : 3, pushed.Engine!.Passes);
        // panel is sharded on id, the large effect: the statements ran on each worker's shard.
        Assert.Equal(("per_shard", 2), (pushed.Engine.Path, pushed.Engine.Shards));
        // No rows to recompute another covariance from: refused rather than wrong.
        Assert.Throws<Panelwise.Estimation.EstimationException>(() => pushed.WithVcov(VcovSpec.Iid));
    }

    [Fact]
    public void The_cli_fits_on_the_engine_and_states_it_without_the_password()
    {
        var (exit, output, error) = CliRunner.Run("fit", cluster.Panel, Formula, "--vcov", "cluster:id", "--json");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("s3cret", output + error);
        var json = JsonDocument.Parse(output).RootElement;
        var engine = json.GetProperty("engine");
        Assert.Equal("postgresql", engine.GetProperty("engine").GetString());
        Assert.Equal(3, engine.GetProperty("passes").GetInt32());
        Assert.True(engine.GetProperty("rows_scanned").GetInt64() >= 19_910);
        // O(k²) values per shard, not O(rows): a few hundred bytes for 20k rows.
        Assert.InRange(engine.GetProperty("bytes_fetched").GetInt64(), 1, 1000);
        Assert.Equal("per_shard", engine.GetProperty("path").GetString());
        Assert.Equal(2, engine.GetProperty("shards").GetInt32());
    }

    [Fact]
    public void The_cli_pushes_a_weighted_two_way_clustered_fit_down()
    {
        var (exit, output, error) = CliRunner.Run("fit", cluster.Panel, TwoWay, "--vcov", "cluster:id+year", "--weights", "year", "--json");
        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("per_shard", json.GetProperty("engine").GetProperty("path").GetString());
        var frame = DataReader.Read(cluster.Panel, new ReadOptions { Columns = new HashSet<string> { "y", "x1", "x2", "id", "year" } });
        var memory = Regression.Fit(frame, TwoWay, new FitOptions { Vcov = VcovSpec.Parse("cluster:id+year"), Weights = "year" })[0];
        var pushed = json.GetProperty("coefficients").EnumerateArray().ToList();
        Assert.Equal(memory.Coefficients.Count, pushed.Count);
        for (int j = 0; j < pushed.Count; j++)
        {
            Close(memory.Coefficients[j].Estimate, pushed[j].GetProperty("estimate").GetDouble(), 1e-8);
            Close(memory.Coefficients[j].StdError, pushed[j].GetProperty("std_error").GetDouble(), 1e-8);
        }
    }

    [Fact]
    public void A_model_the_engine_cannot_compute_is_fitted_from_the_pulled_rows()
    {
        var (exit, output, error) = CliRunner.Run("fit", cluster.Panel, "y ~ x1 + x2 | id + year", "--vcov", "cluster:id", "--json",
            "--if", "year > 2001");
        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.TryGetProperty("engine", out _));
        Assert.Equal(1990 * 9, json.GetProperty("nobs").GetInt32());
    }

    [Fact]
    public void A_query_source_reads_its_result()
    {
        var frame = DataReader.Read(cluster.Url + "?query=" + Uri.EscapeDataString("SELECT id, y FROM panel WHERE year = 2001"));
        Assert.Equal(2000, frame.RowCount);
        Assert.Equal(["id", "y"], frame.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("?table=no_such_table", "no such table")]
    [InlineData("?table=panel&x=1", "")]
    public void Source_errors_name_the_source_without_its_password(string tail, string expected)
    {
        string url = cluster.Url.Replace("postgres@", "postgres:s3cret-pw@") + tail;
        if (expected.Length == 0)
        {
            var e = Assert.Throws<DataException>(() => DataReader.Read(url, new ReadOptions { Columns = new HashSet<string> { "nope" } }));
            Assert.Contains("'nope'", e.Message);
            Assert.DoesNotContain("s3cret", e.Message);
            return;
        }
        var error = Assert.Throws<DataException>(() => DataReader.Read(url));
        Assert.Contains(expected, error.Message);
        Assert.Contains("postgresql://postgres@localhost", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void An_unreachable_server_is_a_user_error()
    {
        var (exit, _, error) = CliRunner.Run("fit", "postgresql://u:s3cret@localhost:1/db?table=t", "y ~ x | id");
        Assert.Equal(2, exit);
        Assert.Contains("cannot connect", error);
        Assert.DoesNotContain("s3cret", error);
    }

    private static void Close(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
