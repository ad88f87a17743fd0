using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>Per-cluster score rows (<see cref="ClusterScores"/>) and their two-way form: Cameron-Gelbach-Miller needs
/// the scores by the first cluster variable, by the second and by their intersection.</summary>
internal sealed partial class PushdownSql
{
    /// <summary>Rows as <see cref="ClusterScores"/> for each of the two cluster variables (kinds c1, g1, t1 for the
    /// first, c2, g2, t2 for the second) and for their intersection (kind c12, keyed by the pair as a JSON array), so
    /// that every cluster's score is summed over the shards it straddles before its outer product.</summary>
    public string TwoWayClusterScores() =>
        Errors() + ScoreRows("c", "1", true) + "\nUNION ALL " + ScoreRows("c2", "2", true) + "\nUNION ALL " +
        ScoreRows(_dialect.PairKey("c", "c2"), "12", false);

    /// <summary>SELECT ... UNION ALL ...: ('c' + tag, key, null, [Σe², s_0..s_k]) per cluster with s = Σ e z; with
    /// <paramref name="nesting"/> ('g' + tag, null, null, [1 when the large effect is nested in the clusters]), exact per
    /// shard as each group lives in one, and with a small effect ('t' + tag, level, its smallest cluster, [1 when it
    /// meets one cluster, else 2]) per level, to be checked across shards. One cluster per level is min = max, which
    /// hashes instead of sorting every row as count(DISTINCT) does.</summary>
    private string ScoreRows(string key, string tag, bool nesting)
    {
        var sb = new StringBuilder($"SELECT 'c{tag}'::text, ({key})::text, NULL::text, ARRAY[sum({WeightedError} * e)");
        foreach (string z in Design) sb.Append($", sum({WeightedError} * {z})");
        sb.Append($"]::float8[] FROM e GROUP BY 2");
        if (!nesting) return sb.ToString();
        sb.Append($"\nUNION ALL SELECT 'g{tag}', NULL, NULL, ARRAY[(CASE WHEN bool_and(one) THEN 1 ELSE 0 END)::float8] " +
                  $"FROM (SELECT g, min({key}) = max({key}) AS one FROM e GROUP BY 1) nest");
        if (model.SmallEffect is not null)
            sb.Append($"\nUNION ALL SELECT 't{tag}', t::text, min(({key})::text), " +
                      $"ARRAY[(CASE WHEN min({key}) = max({key}) THEN 1 ELSE 2 END)::float8] FROM e GROUP BY t");
        return sb.ToString();
    }
}
