using Npgsql;

namespace Panelwise.IO.Engines;

/// <summary>One partition of a sharded table: the worker that holds it (an Npgsql connection string) and its table
/// there (quoted, schema-qualified).</summary>
internal sealed record Shard(string Partition, string ConnectionString, string RemoteTable);

/// <summary>What the coordinator's catalog says about the workers: its postgres_fdw servers (as
/// <see cref="ShardedTable"/> creates tables on them) and whether a table is partitioned on a column with every
/// partition a postgres_fdw foreign table (then each value of that column lives in exactly one partition, whatever the
/// partitioning strategy, and the partitions can be read on their workers directly). Workers are reached with the
/// coordinator's user and password at the host, port and dbname of the server's options.</summary>
internal static class ShardCatalog
{
    /// <summary>The coordinator's postgres_fdw servers and their options, by name.</summary>
    public static List<(string Server, Dictionary<string, string> Options)> Servers(NpgsqlConnection coord)
    {
        using var command = new NpgsqlCommand(
            "SELECT s.srvname, coalesce(s.srvoptions, '{}') FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w " +
            "ON w.oid = s.srvfdw WHERE w.fdwname = 'postgres_fdw' ORDER BY s.srvname", coord);
        using var reader = command.ExecuteReader();
        var list = new List<(string, Dictionary<string, string>)>();
        while (reader.Read()) list.Add((reader.GetString(0), Options(reader.GetFieldValue<string[]>(1))));
        return list;
    }

    /// <summary>The connection string of the worker a server with <paramref name="options"/> points at.</summary>
    public static string Worker(string coordinator, IReadOnlyDictionary<string, string> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(coordinator);
        return new NpgsqlConnectionStringBuilder(coordinator)
        {
            Host = options.GetValueOrDefault("host", builder.Host!),
            Port = int.Parse(options.GetValueOrDefault("port", "5432"), System.Globalization.CultureInfo.InvariantCulture),
            Database = options.GetValueOrDefault("dbname", builder.Database!),
        }.ConnectionString;
    }

    /// <summary>The shards of <paramref name="source"/>'s table when it is partitioned on exactly the column
    /// <paramref name="key"/> and every partition is a postgres_fdw foreign table without column renames; else null
    /// (a query, an ordinary table, another key, a local or nested partition).</summary>
    public static IReadOnlyList<Shard>? ShardsOn(NpgsqlConnection coord, EngineSource source, string key)
    {
        if (source.Table is not { } table) return null;
        string qualified = string.Join('.', table.Split('.').Select(EngineSource.Quote));
        using (var command = new NpgsqlCommand(
            "SELECT a.attname FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid " +
            "AND a.attnum = p.partattrs[0] WHERE p.partrelid = to_regclass($1) AND p.partnatts = 1", coord))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = qualified });
            if (command.ExecuteScalar() is not string column || column != key) return null;
        }
        using var partitions = new NpgsqlCommand("""
            SELECT c.relname, c.relkind::text, n.nspname, coalesce(f.ftoptions, '{}'), coalesce(s.srvoptions, '{}'),
                   coalesce(w.fdwname, ''), EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attfdwoptions IS NOT NULL)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_foreign_table f ON f.ftrelid = c.oid LEFT JOIN pg_foreign_server s ON s.oid = f.ftserver
            LEFT JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            WHERE i.inhparent = to_regclass($1) ORDER BY c.relname
            """, coord);
        partitions.Parameters.Add(new NpgsqlParameter { Value = qualified });
        using var reader = partitions.ExecuteReader();
        var shards = new List<Shard>();
        while (reader.Read())
        {
            if (reader.GetString(1) != "f" || reader.GetString(5) != "postgres_fdw" || reader.GetBoolean(6)) return null;
            var tableOptions = Options(reader.GetFieldValue<string[]>(3));
            string remote = EngineSource.Quote(tableOptions.GetValueOrDefault("schema_name", reader.GetString(2))) + "." +
                            EngineSource.Quote(tableOptions.GetValueOrDefault("table_name", reader.GetString(0)));
            shards.Add(new Shard(reader.GetString(0), Worker(source.ConnectionString, Options(reader.GetFieldValue<string[]>(4))), remote));
        }
        return shards.Count == 0 ? null : shards;
    }

    private static Dictionary<string, string> Options(string[] options) =>
        options.Select(o => o.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
}
