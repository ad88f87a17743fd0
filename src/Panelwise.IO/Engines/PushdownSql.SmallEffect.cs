using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>The small effect's statistics in one statement (two scans: the group means, then the demeaned rows): the
/// demeaned rows are summed per cell (group, level) once, and both D̃'W[ỹ X̃] (cells summed by level) and the
/// Σ_g n_ga n_gb / n_g part of D̃'WD̃ come from those cells (n a cell's or group's weight, its row count without weights).
/// Groups with the same counts per level (all of them in a balanced panel) contribute the same products, so the pairs
/// are formed once per such pattern, weighted by its number of groups: O(patterns x T²) pairs instead of O(G x T²).</summary>
internal sealed partial class PushdownSql
{
    /// <summary>Rows ('s', level, null, [count, (Σw,) Σwỹ, Σwx̃_0..]) per level of t, and ('x', level a, level b,
    /// [Σ_g n_ga n_gb / n_g]) per pair of levels that meet in a group.</summary>
    public string SmallEffectSums()
    {
        var sb = new StringBuilder("WITH ").Append(Within(false)).Append(",\n");
        sb.Append("cells AS (SELECT g, t::text AS t, count(*)::float8 AS c, ").Append(Weighted ? "sum(wt)" : "count(*)::float8")
            .Append($" AS n, {WeightedSum("y")} AS sy");
        for (int j = 0; j < _k; j++) sb.Append($", {WeightedSum($"x{j}")} AS sx{j}");
        sb.Append(" FROM w GROUP BY 1, 2),\n");
        sb.Append($"patterns AS (SELECT {_dialect.SortedLists("t", "ts", "n", "ns")}, sum(n) AS ng FROM cells GROUP BY g),\n");
        sb.Append("kinds AS (SELECT ts, ns, ng, count(*)::float8 AS m FROM patterns GROUP BY 1, 2, 3)\n");
        sb.Append("SELECT 's'::text, t, NULL::text, ARRAY[sum(c)").Append(Weighted ? ", sum(n)" : "").Append(", sum(sy)");
        for (int j = 0; j < _k; j++) sb.Append($", sum(sx{j})");
        sb.Append("]::float8[] FROM cells GROUP BY 2\n");
        sb.Append($"UNION ALL SELECT 'x', a.t, b.t, ARRAY[sum(m * (a.n * b.n / ng))] FROM kinds, {_dialect.Zip("a", [("ts", "t"), ("ns", "n")])}, " +
            $"{_dialect.Zip("b", [("ts", "t"), ("ns", "n")])} GROUP BY 2, 3");
        return sb.ToString();
    }
}
