using Npgsql;
using NpgsqlTypes;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>Writes a <see cref="Frame"/> into a table of a PostgreSQL-protocol engine (replacing it): numbers as bigint
/// when every value is a whole number within ±2^53, else float8; text as text; missing as NULL. With a shard key the
/// table is hash-partitioned over the coordinator's postgres_fdw workers (<see cref="ShardedTable"/>): the rows are
/// copied (binary COPY) into a staging table on the coordinator and moved with one INSERT ... SELECT, which
/// postgres_fdw sends in batches (PostgreSQL 15 does not batch COPY through a foreign table).</summary>
public static class EngineLoader
{
    /// <summary>Loads <paramref name="frame"/> into the table of <paramref name="target"/>; returns the shards used.</summary>
    /// <exception cref="DataException">No ?table= in the URL, a shard key not in the data, or the engine's errors.</exception>
    public static int Load(Frame frame, EngineSource target, string? shardBy)
    {
        string table = target.Table ?? throw new DataException($"Loading needs a table: write {target.Display.Split('?')[0]}?table=NAME.") { File = target.Display };
        if (shardBy is not null && !frame.Contains(shardBy)) throw DataException.MissingColumn(frame.Source, shardBy, frame.Columns.Select(c => c.Name));
        var types = frame.Columns.Select(c => (c.Name, Type: SqlType(c))).ToList();
        return EngineErrors.Guard(target, () =>
        {
            int shards = shardBy is null ? 0 : ShardedTable.Create(target, table, types, shardBy);
            using var connection = new NpgsqlConnection(target.ConnectionString);
            connection.Open();
            string cols = string.Join(", ", types.Select(c => $"{EngineSource.Quote(c.Name)} {c.Type}"));
            string into = EngineSource.Quote(table);
            if (shards == 0)
            {
                ShardedTable.Execute(connection, $"DROP TABLE IF EXISTS {into} CASCADE; CREATE TABLE {into} ({cols})");
                Copy(connection, frame, types, into);
                shards = 1;
            }
            else
            {
                ShardedTable.Execute(connection, $"CREATE TEMP TABLE panelwise_staging ({cols})");
                Copy(connection, frame, types, "panelwise_staging");
                ShardedTable.Execute(connection, $"INSERT INTO {into} SELECT * FROM panelwise_staging; DROP TABLE panelwise_staging");
            }
            ShardedTable.Execute(connection, $"ANALYZE {into}");
            return shards;
        });
    }

    private static string SqlType(Column column) => column switch
    {
        NumericColumn n when n.Values.All(v => double.IsNaN(v) || (Math.Abs(v) <= 9007199254740992 && v == Math.Floor(v))) => "bigint",
        NumericColumn => "float8",
        _ => "text",
    };

    private static void Copy(NpgsqlConnection connection, Frame frame, List<(string Name, string Type)> types, string into)
    {
        using var writer = connection.BeginBinaryImport(
            $"COPY {into} ({string.Join(", ", types.Select(t => EngineSource.Quote(t.Name)))}) FROM STDIN (FORMAT BINARY)");
        for (int row = 0; row < frame.RowCount; row++)
        {
            writer.StartRow();
            for (int j = 0; j < types.Count; j++)
            {
                var column = frame.Columns[j];
                if (column.IsMissing(row)) { writer.WriteNull(); continue; }
                switch (column)
                {
                    case NumericColumn n when types[j].Type == "bigint": writer.Write((long)n.Values[row], NpgsqlDbType.Bigint); break;
                    case NumericColumn n: writer.Write(n.Values[row], NpgsqlDbType.Double); break;
                    case CategoricalColumn c: writer.Write(c.ValueAt(row)!, NpgsqlDbType.Text); break;
                }
            }
        }
        writer.Complete();
    }
}
