using Npgsql;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.Models;
using Panelwise.Results;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The per-shard push-down (statements run on each worker's shard table, results combined in C#) equals the
/// coordinator path over the same rows (a query source, which always runs on the coordinator) and the in-memory fit,
/// on tables that stress the combination (<see cref="ShardedVariants"/>): an empty shard, a shard of singletons, a
/// year present in one shard only, clusters straddling shards, and a small effect nested in the large one within each
/// shard but not overall. Tables not sharded on the large effect, queries and unreachable workers take the
/// coordinator path.</summary>
[Collection("postgres")]
public class EngineShardTests
{
    private readonly PostgresCluster _cluster;

    public EngineShardTests(PostgresCluster cluster)
    {
        _cluster = cluster;
        ShardedVariants.Ensure(cluster);
    }

    private const string OneWay = "y ~ x1 + x2 | id";
    private const string TwoWay = "y ~ x1 + x2 | id + year";

    [Theory]
    [InlineData("panel", OneWay, "cluster:region", 19_900)]
    [InlineData("panel", TwoWay, "cluster:id", 19_900)]
    [InlineData("halfempty", OneWay, "iid", 0)]
    [InlineData("halfempty", TwoWay, "cluster:grp", 0)]
    [InlineData("singles", OneWay, "hc1", 0)]
    [InlineData("singles", TwoWay, "cluster:id", 0)]
    [InlineData("singles", TwoWay, "cluster:year", 0)]
    [InlineData("patchy", OneWay, "cluster:id", 0)]
    [InlineData("patchy", TwoWay, "iid", 0)]
    [InlineData("patchy", TwoWay, "hc1", 0)]
    [InlineData("patchy", TwoWay, "cluster:id", 0)]
    [InlineData("patchy", TwoWay, "cluster:grp", 0)]
    [InlineData("patchy", TwoWay, "cluster:year", 0)]
    [InlineData("patchy", TwoWay, "cluster:grp+year", 0)]
    [InlineData("singles", OneWay, "cluster:id+grp", 0)]
    [InlineData("cells", "y ~ x1 + x2 | id + s", "cluster:id", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + s", "cluster:grp", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + s", "cluster:cid", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + s2", "cluster:id", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + rs", "cluster:region", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + rs", "cluster:grp", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + rs", "cluster:region+grp", 2000)]
    [InlineData("cells", "y ~ x1 + x2 | id + s", "cluster:cid+year", 2000)]
    public void Per_shard_fits_equal_the_coordinator_path_and_the_in_memory_fit(string table, string formula, string vcov, int nobs)
    {
        var spec = VcovSpec.Parse(vcov);
        var sharded = EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?table=" + table), formula, spec);
        var coordinator = EnginePushdown.Fit(Query($"SELECT * FROM {table}"), formula, spec);
        var frame = DataReader.Read(_cluster.Url + "?table=" + table);
        var memory = Regression.Fit(frame, formula, new FitOptions { Vcov = spec })[0];
        Assert.Equal(("per_shard", 2), (sharded.Engine!.Path, sharded.Engine.Shards));
        Assert.Equal(("coordinator", 0), (coordinator.Engine!.Path, coordinator.Engine.Shards));
        if (nobs > 0) Assert.Equal(nobs, sharded.Nobs);
        SameFit.Equal(coordinator, sharded, 1e-12);
        SameFit.Equal(memory, sharded, 1e-10, Absorbed(memory));
        Assert.Equal(coordinator.Engine.Passes, sharded.Engine.Passes);
    }

    [Fact]
    public void The_edge_tables_hold_what_they_stress()
    {
        using var connection = new NpgsqlConnection(Coordinator);
        connection.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(y) FROM halfempty_p1"));
        Assert.True(Scalar(connection, "SELECT count(y) FROM halfempty_p0") > 5000);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM (SELECT id FROM singles_p0 WHERE y IS NOT NULL GROUP BY id HAVING count(*) > 1) g"));
        Assert.True(Scalar(connection, "SELECT count(y) FROM singles_p0") > 500);
        Assert.Equal(0L, Scalar(connection, "SELECT count(y) FROM patchy_p1 WHERE year = 2010"));
        Assert.True(Scalar(connection, "SELECT count(y) FROM patchy_p0 WHERE year = 2010") > 500);
        // Each level of s meets one unit in each shard, and many levels meet two units overall.
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM (SELECT s FROM cells_p0 GROUP BY s HAVING count(DISTINCT id) > 1) x"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM (SELECT s FROM cells_p1 GROUP BY s HAVING count(DISTINCT id) > 1) x"));
        Assert.True(Scalar(connection, "SELECT count(*) FROM (SELECT s FROM cells GROUP BY s HAVING count(DISTINCT id) = 2) x") > 50);
        Assert.True(Scalar(connection, "SELECT count(DISTINCT s) FROM cells") < 200);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM (SELECT rs FROM cells GROUP BY rs HAVING count(DISTINCT region) > 1) x"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM (SELECT 1 FROM cells WHERE rs = 2 GROUP BY tableoid) x"));
    }

    [Theory]
    [InlineData("?table=byyear", OneWay)]
    [InlineData("?table=byyear", TwoWay)]
    [InlineData("?table=plain", TwoWay)]
    [InlineData("?query=SELECT%20*%20FROM%20panel", OneWay)]
    public void Tables_not_sharded_on_the_large_effect_and_queries_run_on_the_coordinator(string tail, string formula)
    {
        var spec = VcovSpec.Parse("cluster:grp");
        var pushed = EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + tail), formula, spec);
        var memory = Regression.Fit(DataReader.Read(_cluster.Url + "?table=panel"), formula, new FitOptions { Vcov = spec })[0];
        Assert.Equal(("coordinator", 0), (pushed.Engine!.Path, pushed.Engine.Shards));
        SameFit.Equal(memory, pushed, 1e-10, Absorbed(memory));
    }

    [Fact]
    public void Workers_this_client_cannot_reach_leave_the_fit_to_the_coordinator()
    {
        using var connection = new NpgsqlConnection(Coordinator);
        connection.Open();
        string port = (string)new NpgsqlCommand(
            "SELECT (regexp_match(array_to_string(srvoptions, ','), 'port=([0-9]+)'))[1] FROM pg_foreign_server WHERE srvname = 'w1'",
            connection).ExecuteScalar()!;
        // The coordinator reaches the worker by address; the name, which this client would use, does not resolve.
        ShardedTable.Execute(connection, $"""
            CREATE SERVER hidden_worker FOREIGN DATA WRAPPER postgres_fdw
              OPTIONS (host 'no-such-worker.invalid', hostaddr '127.0.0.1', port '{port}', dbname 'postgres');
            CREATE USER MAPPING FOR postgres SERVER hidden_worker OPTIONS (user 'postgres');
            DROP TABLE IF EXISTS hidden;
            CREATE TABLE hidden (id int, year int, y float8, x1 float8, x2 float8, region int, grp int) PARTITION BY HASH (id);
            CREATE FOREIGN TABLE hidden_p0 PARTITION OF hidden FOR VALUES WITH (MODULUS 1, REMAINDER 0)
              SERVER hidden_worker OPTIONS (table_name 'panel_p0');
            """);
        try
        {
            var spec = VcovSpec.Parse("cluster:id");
            var pushed = EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?table=hidden"), TwoWay, spec);
            var memory = Regression.Fit(DataReader.Read(_cluster.Url + "?table=hidden"), TwoWay, new FitOptions { Vcov = spec })[0];
            Assert.Equal("coordinator", pushed.Engine!.Path);
            Assert.InRange(pushed.Nobs, 5000, 15000);
            SameFit.Equal(memory, pushed, 1e-10, Absorbed(memory));
        }
        finally
        {
            // Other tests create sharded tables over every postgres_fdw server: this one must not stay.
            ShardedTable.Execute(connection, "DROP TABLE hidden; DROP SERVER hidden_worker CASCADE");
        }
    }

    private string Coordinator => EngineSource.Parse(_cluster.Url + "?table=panel").ConnectionString;

    private EngineSource Query(string sql) => EngineSource.Parse(_cluster.Url + "?query=" + Uri.EscapeDataString(sql));

    private static long Scalar(NpgsqlConnection connection, string sql) => Convert.ToInt64(new NpgsqlCommand(sql, connection).ExecuteScalar());

    /// <summary>Notes the engine words differently from the in-memory fit: it demeans by the first effect while the
    /// in-memory fit demeans by the larger one.</summary>
    private static string[] Absorbed(RegressionResult memory) =>
        memory.Fit.FixedEffects is [var first, var second] && second.Levels > first.Levels ? ["absorbed", "mobility_groups"] : [];
}
