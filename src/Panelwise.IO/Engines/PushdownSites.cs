using System.Data;
using Npgsql;

namespace Panelwise.IO.Engines;

/// <summary>Where the push-down statements run: the coordinator against the source relation (one site), or each worker
/// against its shard table directly (one connection each, run concurrently), so that a table sharded on the large
/// effect is demeaned where its rows live instead of being shipped to the coordinator by postgres_fdw. Each site reads
/// in one repeatable-read transaction, so its statements see one snapshot.</summary>
internal sealed class PushdownSites : IPushdownSites, IDisposable
{
    private readonly List<(NpgsqlConnection Connection, PushdownSql Sql)> _sites;
    private readonly List<NpgsqlConnection> _owned;

    private PushdownSites(List<(NpgsqlConnection, PushdownSql)> sites, List<NpgsqlConnection> owned, int shards)
    {
        _sites = sites;
        _owned = owned;
        Shards = shards;
        foreach (var (connection, _) in _sites)
        {
            connection.BeginTransaction(IsolationLevel.RepeatableRead);
            // The group-by-level cells and the hash joins of a shard of millions of rows spill to disk at the default
            // 4 MB; for this transaction only.
            using var memory = new NpgsqlCommand($"SET LOCAL work_mem = '{WorkMemory}'", connection);
            memory.ExecuteNonQuery();
        }
    }

    /// <summary>Memory per sort or hash of the push-down statements, per site.</summary>
    public const string WorkMemory = "64MB";

    /// <summary>The shards read directly (0 on the coordinator path).</summary>
    public int Shards { get; }

    /// <summary>The sites still in use (see <see cref="Keep"/>).</summary>
    public int Count => _sites.Count;

    /// <summary>The coordinator, reading <paramref name="relation"/> on <paramref name="connection"/> (not owned).</summary>
    public static PushdownSites Coordinator(NpgsqlConnection connection, PushdownModel model, string relation, bool dropSingletons) =>
        new([(connection, new PushdownSql(model, relation, dropSingletons))], [], 0);

    /// <summary>Each of <paramref name="shards"/> on its worker, or null when a worker cannot be reached from here
    /// (e.g. the coordinator reaches it by a name this client cannot resolve): the coordinator path then runs.</summary>
    public static PushdownSites? OpenShards(IReadOnlyList<Shard> shards, PushdownModel model, bool dropSingletons)
    {
        var connections = shards.Select(s => new NpgsqlConnection(s.ConnectionString)).ToList();
        try
        {
            Task.WhenAll(connections.Select(c => Task.Run(c.Open))).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            connections.ForEach(c => c.Dispose());
            return null;
        }
        var sites = shards.Select((s, i) => (connections[i], new PushdownSql(model, s.RemoteTable + " AS r", dropSingletons))).ToList();
        return new PushdownSites(sites, connections, shards.Count);
    }

    /// <summary>Runs <paramref name="statement"/> at every site concurrently; results in site order.</summary>
    public T[] Run<T>(Func<NpgsqlConnection, PushdownSql, T> statement) =>
        _sites.Count == 1
            ? [statement(_sites[0].Connection, _sites[0].Sql)]
            : Task.WhenAll(_sites.Select(s => Task.Run(() => statement(s.Connection, s.Sql)))).GetAwaiter().GetResult();

    /// <summary>Sets every site's <see cref="PushdownSql.RowFilter"/> (the sample rule, the same at every site).</summary>
    public void Filter(string rows)
    {
        foreach (var (_, sql) in _sites) sql.RowFilter = rows;
    }

    /// <inheritdoc/>
    public List<EngineRow>[] Rows(Func<PushdownSql, string> statement, object[] parameters) =>
        Run((c, sql) => EngineRow.Read(c, statement(sql), parameters));

    /// <summary>Keeps the sites whose index satisfies <paramref name="keep"/> (e.g. shards with rows in the sample).</summary>
    public void Keep(Func<int, bool> keep)
    {
        var kept = _sites.Where((_, i) => keep(i)).ToList();
        _sites.Clear();
        _sites.AddRange(kept);
    }

    public void Dispose()
    {
        foreach (var c in _owned) c.Dispose();
    }
}
