using Npgsql;
using Panelwise.IO.Engines;

namespace Panelwise.Tests.Engines;

/// <summary>Copies of the cluster's <c>panel</c> that stress the per-shard push-down, created once per cluster:
/// <c>halfempty</c> (shard 1 has no row with y), <c>singles</c> (shard 0 has one row per unit: only singletons),
/// <c>patchy</c> (year 2010 only in shard 0, some x2 missing in shard 0), <c>cells</c> (200 units with small effects s,
/// whose levels each meet one unit per shard but two overall: the first 30 units of each shard by rank have levels
/// 2 rank + (year > 2005), the others 1000 + rank; s2 = 2 id + (year > 2005), nested in id; rs = 2 region + (year >
/// 2005), nested in region, whose clusters straddle the shards; cid = id, a cluster variable other than the shard key that
/// does not straddle them), <c>byyear</c> (sharded on year, not on the large effect)
/// and <c>plain</c> (an ordinary table).</summary>
internal static class ShardedVariants
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Created = [];

    public static void Ensure(PostgresCluster cluster)
    {
        lock (Gate)
        {
            if (!Created.Add(cluster.Url)) return;
            var source = EngineSource.Parse(cluster.Url + "?table=panel");
            (string, string)[] columns = [("id", "int"), ("year", "int"), ("y", "float8"), ("x1", "float8"), ("x2", "float8"), ("region", "int"), ("grp", "int")];
            foreach (string name in (string[])["halfempty", "singles", "patchy"])
                ShardedTable.Create(source, name, columns, "id");
            ShardedTable.Create(source, "byyear", columns, "year");
            ShardedTable.Create(source, "cells", [.. columns, ("s", "int"), ("s2", "int"), ("rs", "int"), ("cid", "int")], "id");
            using var connection = new NpgsqlConnection(source.ConnectionString);
            connection.Open();
            ShardedTable.Execute(connection, """
                INSERT INTO halfempty SELECT * FROM panel;
                UPDATE halfempty_p1 SET y = NULL;
                INSERT INTO singles SELECT * FROM panel;
                UPDATE singles_p0 SET y = NULL WHERE year > 2001;
                INSERT INTO patchy SELECT * FROM panel;
                UPDATE patchy_p1 SET y = NULL WHERE year = 2010;
                UPDATE patchy_p0 SET x2 = NULL WHERE year = 2003 AND id % 5 = 0;
                INSERT INTO byyear SELECT * FROM panel;
                INSERT INTO cells SELECT id, year, y, x1, x2, region, grp,
                    CASE WHEN rank <= 30 THEN 2 * rank + (year > 2005)::int ELSE 1000 + rank END,
                    2 * id + (year > 2005)::int, 2 * region + (year > 2005)::int, id
                  FROM (SELECT p.*, dense_rank() OVER (PARTITION BY satisfies_hash_partition('cells'::regclass, 2, 0, id) ORDER BY id) AS rank
                        FROM panel p WHERE id <= 200) ranked;
                DROP TABLE IF EXISTS plain; CREATE TABLE plain AS SELECT * FROM panel;
                ANALYZE halfempty; ANALYZE singles; ANALYZE patchy; ANALYZE byyear; ANALYZE cells; ANALYZE plain;
                """);
        }
    }
}
