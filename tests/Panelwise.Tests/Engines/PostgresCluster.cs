using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Panelwise.IO.Engines;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The project's own sharded PostgreSQL cluster (scripts/pg-cluster: a coordinator and two postgres_fdw
/// workers), started once for the tests of the "postgres" collection on free ports in a directory of its own, and
/// stopped and removed at the end. It holds <c>panel</c>: 1,990 units x 10 years plus 10 singleton units, sharded on
/// id, with values from a deterministic formula (no random generator, so every run sees the same data). When
/// PostgreSQL is missing the fixture throws, so these tests fail with the reason instead of being skipped: the
/// project starts its own cluster and CI must run them.</summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly Dictionary<string, string> _environment;

    public PostgresCluster()
    {
        int port = FreePortBase();
        _environment = new()
        {
            ["PG_CLUSTER_DIR"] = Path.Combine(Path.GetTempPath(), $"panelwise-pg-test-{Environment.ProcessId}"),
            ["PG_CLUSTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var (exit, output, error) = Script("up");
        if (exit != 0)
            throw new InvalidOperationException(
                "The engine tests need PostgreSQL (server binaries under /usr/lib/postgresql/*/bin; Debian: apt-get install " +
                $"postgresql). scripts/pg-cluster up failed with exit {exit}:\n{error}{output}");
        Url = output.Trim().Split('\n')[^1].Trim();
        CreatePanel();
    }

    /// <summary>The coordinator, postgresql://postgres@localhost:PORT/postgres.</summary>
    public string Url { get; }

    /// <summary>The panel as a data source; a password is added to check it never reaches any output (trust auth ignores it).</summary>
    public string Panel => Url.Replace("postgres@", "postgres:s3cret-pw@") + "?table=panel";

    private void CreatePanel()
    {
        var source = EngineSource.Parse(Url + "?table=panel");
        int shards = ShardedTable.Create(source, "panel",
            [("id", "int"), ("year", "int"), ("y", "float8"), ("x1", "float8"), ("x2", "float8"), ("region", "int"), ("grp", "int")], "id");
        Assert.Equal(2, shards);
        using var connection = new NpgsqlConnection(source.ConnectionString);
        connection.Open();
        // u(a) = frac(sin(a) * 43758.5453): a deterministic value in [0, 1). Heteroskedastic noise (its scale grows with
        // x1) so that iid, HC1 and clustered standard errors differ.
        ShardedTable.Execute(connection, """
            INSERT INTO panel
            SELECT id, 2000 + t, 1.5 * x1 - 0.7 * x2 + (id % 13) * 0.2 + t * 0.1 + (u - 0.5) * 2 * (1 + x1), x1, x2, id % 37,
                   floor(v * 60)::int
            FROM (SELECT i AS id, t,
                         (sin(i * 1.7 + t * 0.31) * 43758.5453 - floor(sin(i * 1.7 + t * 0.31) * 43758.5453)) + (i % 7) * 0.3 AS x1,
                         2 * (sin(i * 2.9 + t * 5.1) * 24634.6345 - floor(sin(i * 2.9 + t * 5.1) * 24634.6345)) - t * 0.05 AS x2,
                         sin(i * 12.9898 + t * 78.233) * 43758.5453 - floor(sin(i * 12.9898 + t * 78.233) * 43758.5453) AS u,
                         sin(i * 4.1 + t * 9.7) * 13758.5453 - floor(sin(i * 4.1 + t * 9.7) * 13758.5453) AS v
                  FROM generate_series(1, 2000) i, generate_series(1, 10) t WHERE i <= 1990 OR t = 1) s;
            ANALYZE panel;
            """);
    }

    private (int Exit, string Out, string Err) Script(string verb)
    {
        var info = new ProcessStartInfo("bash", [RepositoryPath.Of("scripts/pg-cluster"), verb])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in _environment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>Three consecutive free ports (coordinator and two workers) in 20000-29999, chosen per process.</summary>
    private static int FreePortBase()
    {
        var random = new Random(Environment.ProcessId);
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int port = 20000 + random.Next(0, 3333) * 3;
            if (Enumerable.Range(port, 3).All(IsFree)) return port;
        }
        throw new InvalidOperationException("No three consecutive free ports in 20000-29999 for the test cluster.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => Script("down");
}

/// <summary>Tests that share the cluster (started once per test run).</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>;
