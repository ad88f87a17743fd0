using Npgsql;

namespace Panelwise.IO.Engines;

/// <summary>A table hash-partitioned on a key over the coordinator's postgres_fdw servers: one real table per worker
/// (NAME_pI) and on the coordinator a partitioned NAME whose partitions are foreign tables, so aggregates grouped by
/// the key run on each shard (PostgreSQL 15 partition-wise aggregation, async foreign scans) and a push-down fit whose
/// large effect is the key runs on each worker's NAME_pI directly (<see cref="EnginePushdown"/>). Without postgres_fdw
/// servers NAME is an ordinary table. Workers are reached with the coordinator's user and password.</summary>
public static class ShardedTable
{
    /// <summary>(Re)creates <paramref name="table"/> with <paramref name="columns"/> (name, SQL type), sharded on
    /// <paramref name="key"/>; returns the number of shards (1 = not sharded).</summary>
    public static int Create(EngineSource coordinator, string table, IReadOnlyList<(string Name, string Type)> columns, string key) =>
        EngineErrors.Guard(coordinator, () =>
        {
            string cols = string.Join(", ", columns.Select(c => $"{EngineSource.Quote(c.Name)} {c.Type}"));
            string name = EngineSource.Quote(table);
            using var coord = new NpgsqlConnection(coordinator.ConnectionString);
            coord.Open();
            Execute(coord, $"DROP TABLE IF EXISTS {name} CASCADE");
            var servers = ShardCatalog.Servers(coord);
            if (servers.Count == 0)
            {
                Execute(coord, $"CREATE TABLE {name} ({cols})");
                return 1;
            }
            Execute(coord, $"CREATE TABLE {name} ({cols}) PARTITION BY HASH ({EngineSource.Quote(key)})");
            for (int i = 0; i < servers.Count; i++)
            {
                var (server, options) = servers[i];
                string shard = $"{table}_p{i}";
                using (var w = new NpgsqlConnection(ShardCatalog.Worker(coordinator.ConnectionString, options)))
                {
                    w.Open();
                    Execute(w, $"DROP TABLE IF EXISTS {EngineSource.Quote(shard)}");
                    Execute(w, $"CREATE TABLE {EngineSource.Quote(shard)} ({cols})");
                }
                Execute(coord, $"CREATE FOREIGN TABLE {EngineSource.Quote(shard)} PARTITION OF {name} FOR VALUES WITH " +
                               $"(MODULUS {servers.Count}, REMAINDER {i}) SERVER {EngineSource.Quote(server)} " +
                               $"OPTIONS (table_name '{shard.Replace("'", "''")}')");
            }
            return servers.Count;
        });

    internal static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
