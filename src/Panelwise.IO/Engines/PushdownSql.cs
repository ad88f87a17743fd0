using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>The statements of a fixed-effects fit on a PostgreSQL-protocol engine, over one relation (the source on the
/// coordinator, or one shard's table on its worker); each keeps the rows on the engine and returns O(k²) numbers (O(T²)
/// with a small effect of T levels). The per-group means come from <c>GROUP BY g</c>, and each row is demeaned exactly
/// by joining them back, so the cross-products are of centred values (no cancellation as in Σx² - n x̄²).
/// Moments: sample size, groups, singletons, grand means, Σ_g n_g (ȳ_g - ȳ)², X̃'X̃, X̃'ỹ, ỹ'ỹ (x̃ = x - x̄_g).
/// With a small effect t: SmallSums gives D̃'[ỹ X̃] = per-level sums of ỹ and x̃ (D̃ the dummies of t demeaned within g,
/// whose group sums vanish), SmallCross D̃'D̃ = diag(N_t) - Σ_g n_gt n_gs / n_g; the caller projects them out (FWL).
/// Residuals: with $1 = b, $2 = x̄ and, with t, $3 = the levels of t as text and $4, $5.. the coefficients Π of ỹ and
/// each x̃ on D̃: ẍ = x̃ - (Π_t - avg_g Π_t), e = ÿ - Ẍb, z = [1, ẍ + x̄]: Σe², and Σe²zz' (HC1) or Σ_c s_c s_c' with
/// s_c = Σ_{i in c} e_i z_i, plus the cluster count and whether each effect is nested in the cluster variable.</summary>
internal sealed class PushdownSql(PushdownModel model, string relation, bool dropSingletons, PushdownDialect? dialect = null)
{
    private readonly PushdownDialect _dialect = dialect ?? PushdownDialect.PostgreSql;
    private readonly int _k = model.Regressors.Count;
    private static string Q(string name) => EngineSource.Quote(name);

    /// <summary>Scans of the relation per statement (once for the group means, once for the rows).</summary>
    public const int ScansPerPass = 2;

    private string Where(string prefix = "") => string.Join(" AND ", model.Columns().Select(c => $"{prefix}{Q(c)} IS NOT NULL"));

    /// <summary>The coefficients Π of the levels of t ($3) as a table joined to the rows by hash (one lookup per row).</summary>
    private string Projection() =>
        " LEFT JOIN " + _dialect.Zip("pw_pi", [("$3", "pw_level"), ("$4", "pw_py"), .. Enumerable.Range(0, _k).Select(j => ($"${5 + j}", $"pw_p{j}"))]) +
        $" ON pw_pi.pw_level = r.{Q(model.SmallEffect!)}::text";

    /// <summary>CTEs gm_all/gm (group means, singletons dropped) and w (the demeaned rows, with t and the cluster).</summary>
    private string Within(bool projected)
    {
        var sb = new StringBuilder();
        sb.Append($"gm_all AS (SELECT r.{Q(model.Effect)} AS g, count(*) AS n, avg(r.{Q(model.Response)}::float8) AS my");
        for (int j = 0; j < _k; j++) sb.Append($", avg(r.{Q(model.Regressors[j])}::float8) AS m{j}");
        if (projected)
        {
            sb.Append(", avg(pw_pi.pw_py) AS py");
            for (int j = 0; j < _k; j++) sb.Append($", avg(pw_pi.pw_p{j}) AS p{j}");
        }
        sb.Append($" FROM {relation}{(projected ? Projection() : "")} WHERE {Where("r.")} GROUP BY 1),\n");
        sb.Append($"gm AS (SELECT * FROM gm_all{(dropSingletons ? " WHERE n > 1" : "")}),\n");
        sb.Append($"w AS (SELECT r.{Q(model.Response)}::float8 - gm.my{(projected ? " - (pw_pi.pw_py - gm.py)" : "")} AS y");
        for (int j = 0; j < _k; j++)
            sb.Append($", r.{Q(model.Regressors[j])}::float8 - gm.m{j}{(projected ? $" - (pw_pi.pw_p{j} - gm.p{j})" : "")} AS x{j}");
        sb.Append(", gm.g AS g");
        if (model.SmallEffect is { } t) sb.Append($", r.{Q(t)} AS t");
        if (model.Cluster is { } c) sb.Append($", r.{Q(c)} AS c");
        sb.Append($" FROM {relation} JOIN gm ON r.{Q(model.Effect)} = gm.g{(projected ? Projection() : "")} WHERE {Where("r.")})");
        return sb.ToString();
    }

    /// <summary>Columns: rows_all, rows, levels, my, m0..m(k-1), between_y, yy, xy0.., then X̃'X̃ upper triangle by rows.</summary>
    public string Moments()
    {
        var sb = new StringBuilder("WITH ").Append(Within(false)).Append(",\n");
        sb.Append("tot AS (SELECT sum(n)::float8 AS n, count(*)::float8 AS levels, sum(n * my) / sum(n) AS my");
        for (int j = 0; j < _k; j++) sb.Append($", sum(n * m{j}) / sum(n) AS m{j}");
        sb.Append(" FROM gm)\n");
        sb.Append("SELECT (SELECT sum(n)::float8 FROM gm_all), t.n, t.levels, t.my");
        for (int j = 0; j < _k; j++) sb.Append($", t.m{j}");
        sb.Append(", (SELECT sum(gm.n * (gm.my - t.my) ^ 2) FROM gm), s.*\nFROM tot t, (SELECT sum(y * y)");
        for (int j = 0; j < _k; j++) sb.Append($", sum(x{j} * y)");
        for (int a = 0; a < _k; a++)
            for (int b = a; b < _k; b++) sb.Append($", sum(x{a} * x{b})");
        sb.Append(" FROM w) s");
        return sb.ToString();
    }

    /// <summary>Rows per level of t (as text, ordered): level, count, Σỹ, Σx̃_0...</summary>
    public string SmallSums()
    {
        var sb = new StringBuilder("WITH ").Append(Within(false)).Append("\nSELECT t::text, count(*)::float8, sum(y)");
        for (int j = 0; j < _k; j++) sb.Append($", sum(x{j})");
        return sb.Append(" FROM w GROUP BY 1 ORDER BY 1").ToString();
    }

    /// <summary>Rows (level a, level b, Σ_g n_ga n_gb / n_g) over the groups kept. Groups with the same counts per level
    /// (all of them in a balanced panel) contribute the same products, so the pairs are formed once per such pattern,
    /// weighted by its number of groups: O(patterns x T²) pairs instead of O(G x T²).</summary>
    public string SmallCross() =>
        "WITH " + Within(false) + ",\n" +
        $"cells AS (SELECT r.{Q(model.Effect)} AS g, r.{Q(model.SmallEffect!)}::text AS t, count(*)::float8 AS n " +
        $"FROM {relation} WHERE {Where("r.")} GROUP BY 1, 2),\n" +
        $"patterns AS (SELECT {_dialect.SortedLists("c.t", "ts", "c.n", "ns")}, gm.n::float8 AS ng " +
        "FROM cells c JOIN gm ON gm.g = c.g GROUP BY c.g, gm.n),\n" +
        "kinds AS (SELECT ts, ns, ng, count(*)::float8 AS m FROM patterns GROUP BY 1, 2, 3)\n" +
        $"SELECT a.t, b.t, sum(m * (a.n * b.n / ng)) FROM kinds, {_dialect.Zip("a", [("ts", "t"), ("ns", "n")])}, " +
        $"{_dialect.Zip("b", [("ts", "t"), ("ns", "n")])} GROUP BY 1, 2";

    /// <summary>CTEs w and e: each row's residual e and design z1.. (z0 = 1), with g, t and the cluster c.</summary>
    private string Errors()
    {
        bool projected = model.SmallEffect is not null;
        var sb = new StringBuilder("WITH ").Append(Within(projected)).Append(",\n");
        sb.Append("e AS (SELECT y");
        for (int j = 0; j < _k; j++) sb.Append($" - x{j} * $1[{j + 1}]");
        sb.Append(" AS e");
        for (int j = 0; j < _k; j++) sb.Append($", x{j} + $2[{j + 1}] AS z{j + 1}");
        sb.Append(", g");
        if (projected) sb.Append(", t");
        if (model.Cluster is not null) sb.Append(", c");
        return sb.Append(" FROM w)\n").ToString();
    }

    private string[] Design => ["1", .. Enumerable.Range(1, _k).Select(j => $"z{j}")];

    /// <summary>Columns: ssr, then (HC1 or cluster) the upper triangle of the meat over z, then (cluster) the cluster
    /// count and, per effect (large, then small), 1 when it is nested in the cluster variable.</summary>
    public string Residuals(bool robust)
    {
        bool projected = model.SmallEffect is not null;
        var sb = new StringBuilder(Errors());
        string[] z = Design;
        if (model.Cluster is null)
        {
            sb.Append("SELECT sum(e * e)");
            if (robust)
                for (int a = 0; a <= _k; a++)
                    for (int b = a; b <= _k; b++) sb.Append($", sum(e * e * {z[a]} * {z[b]})");
            return sb.Append(" FROM e").ToString();
        }
        sb.Append("SELECT (SELECT sum(e * e) FROM e)");
        for (int a = 0; a <= _k; a++)
            for (int b = a; b <= _k; b++) sb.Append($", sum(s{a} * s{b})");
        sb.Append(", count(*)::float8");
        foreach (string effect in projected ? ["g", "t"] : new[] { "g" })
            sb.Append($", (SELECT CASE WHEN bool_and(k = 1) THEN 1.0 ELSE 0.0 END FROM " +
                      $"(SELECT {effect}, count(DISTINCT c) AS k FROM e GROUP BY 1) nest)");
        sb.Append("\nFROM (SELECT c");
        for (int a = 0; a <= _k; a++) sb.Append($", sum(e * {z[a]}) AS s{a}");
        sb.Append(" FROM e GROUP BY c) scores");
        return sb.ToString();
    }

    /// <summary>For clusters that may straddle shards (the cluster variable is not the shard key): rows (kind, key,
    /// other, values) — ('c', cluster, null, [Σe², s_0..s_k]) per cluster with s = Σ e z; ('g', null, null, [1 when the
    /// large effect is nested in the cluster variable]), exact per shard as each group lives in one; and with a small
    /// effect ('t', level, its smallest cluster, [clusters it meets]) per level, to be checked across shards.</summary>
    public string ClusterScores()
    {
        var sb = new StringBuilder(Errors());
        sb.Append("SELECT 'c'::text, c::text, NULL::text, ARRAY[sum(e * e)");
        foreach (string z in Design) sb.Append($", sum(e * {z})");
        sb.Append("]::float8[] FROM e GROUP BY c\nUNION ALL SELECT 'g', NULL, NULL, ARRAY[(CASE WHEN bool_and(k = 1) THEN 1 ELSE 0 END)::float8] " +
                  "FROM (SELECT g, count(DISTINCT c) AS k FROM e GROUP BY 1) nest");
        if (model.SmallEffect is not null)
            sb.Append("\nUNION ALL SELECT 't', t::text, min(c::text), ARRAY[count(DISTINCT c)::float8] FROM e GROUP BY t");
        return sb.ToString();
    }
}
