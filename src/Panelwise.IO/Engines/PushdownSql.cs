using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>The statements of a fixed-effects fit on a PostgreSQL-protocol engine, over one relation (the source on the
/// coordinator, or one shard's table on its worker); each keeps the rows on the engine and returns O(k²) numbers (O(T²)
/// with a small effect of T levels). The per-group means come from <c>GROUP BY g</c>, and each row is demeaned exactly
/// by joining them back, so the cross-products are of centred values (no cancellation as in Σx² - n x̄²).
/// Moments: sample size, groups, singletons, grand means, Σ_g n_g (ȳ_g - ȳ)², X̃'X̃, X̃'ỹ, ỹ'ỹ (x̃ = x - x̄_g).
/// With a small effect t: SmallEffectSums gives D̃'[ỹ X̃] = per-level sums of ỹ and x̃ (D̃ the dummies of t demeaned
/// within g, whose group sums vanish) and D̃'D̃ = diag(N_t) - Σ_g n_gt n_gs / n_g; the caller projects them out (FWL).
/// Residuals: with $1 = b, $2 = x̄ and, with t, $3 = the levels of t as text and $4, $5.. the coefficients Π of ỹ and
/// each x̃ on D̃: ẍ = x̃ - (Π_t - avg_g Π_t), e = ÿ - Ẍb, z = [1, ẍ + x̄]: Σe², and Σe²zz' (HC1) or Σ_c s_c s_c' with
/// s_c = Σ_{i in c} e_i z_i, plus the cluster count and whether each effect is nested in the cluster variable.</summary>
internal sealed partial class PushdownSql(PushdownModel model, string relation, bool dropSingletons, PushdownDialect? dialect = null)
{
    private readonly PushdownDialect _dialect = dialect ?? PushdownDialect.PostgreSql;
    private readonly int _k = model.Regressors.Count;
    private static string Q(string name) => EngineSource.Quote(name);

    /// <summary>The relation the statements read, aliased r.</summary>
    public string Relation => relation;

    /// <summary>Scans of the relation per statement (once for the group means, once for the rows).</summary>
    public const int ScansPerPass = 2;

    /// <summary>The rows of the sample before singletons are dropped, over the relation aliased r: by default the
    /// columns are not NULL; <see cref="PushdownSample"/> sets the full rule (NaN and empty text as missing, levels of a
    /// second effect dropped as singletons).</summary>
    public string RowFilter { get; set; } = string.Join(" AND ", model.Columns().Select(c => $"r.{Q(c)} IS NOT NULL"));

    private string Where(string prefix) => prefix == "r." ? RowFilter : throw new ArgumentException("rows are read as r", nameof(prefix));

    /// <summary>The coefficients Π of the levels of t ($3) as a table joined to the rows by hash (one lookup per row).</summary>
    private string Projection() =>
        " LEFT JOIN " + _dialect.Zip("pw_pi", [("$3", "pw_level"), ("$4", "pw_py"), .. Enumerable.Range(0, _k).Select(j => ($"${5 + j}", $"pw_p{j}"))]) +
        $" ON pw_pi.pw_level = r.{Q(model.SmallEffect!)}::text";

    /// <summary>CTEs gm_all/gm (group means, singletons dropped) and w (the demeaned rows, with t and the cluster).</summary>
    private string Within(bool projected)
    {
        var sb = new StringBuilder();
        sb.Append($"gm_all AS (SELECT r.{Q(model.Effect)} AS g, count(*) AS n, {GroupWeight} AS sw, {GroupMean($"r.{Q(model.Response)}::float8")} AS my");
        for (int j = 0; j < _k; j++) sb.Append($", {GroupMean($"r.{Q(model.Regressors[j])}::float8")} AS m{j}");
        if (projected)
        {
            sb.Append($", {GroupMean("pw_pi.pw_py")} AS py");
            for (int j = 0; j < _k; j++) sb.Append($", {GroupMean($"pw_pi.pw_p{j}")} AS p{j}");
        }
        sb.Append($" FROM {relation}{(projected ? Projection() : "")} WHERE {Where("r.")} GROUP BY 1),\n");
        sb.Append($"gm AS (SELECT * FROM gm_all{(dropSingletons ? " WHERE n > 1" : "")}),\n");
        sb.Append($"w AS (SELECT r.{Q(model.Response)}::float8 - gm.my{(projected ? " - (pw_pi.pw_py - gm.py)" : "")} AS y");
        for (int j = 0; j < _k; j++)
            sb.Append($", r.{Q(model.Regressors[j])}::float8 - gm.m{j}{(projected ? $" - (pw_pi.pw_p{j} - gm.p{j})" : "")} AS x{j}");
        sb.Append(", gm.g AS g");
        if (Weighted) sb.Append($", {RowWeight} AS wt");
        if (model.SmallEffect is { } t) sb.Append($", r.{Q(t)} AS t");
        for (int i = 0; i < model.Clusters.Count; i++) sb.Append($", r.{Q(model.Clusters[i])} AS c{(i == 0 ? "" : "2")}");
        sb.Append($" FROM {relation} JOIN gm ON r.{Q(model.Effect)} = gm.g{(projected ? Projection() : "")} WHERE {Where("r.")})");
        return sb.ToString();
    }

    /// <summary>Columns: rows_all, rows, levels, my, m0..m(k-1), between_y, between_x0.., yy, xy0.., then X̃'X̃ upper
    /// triangle by rows (between_v = Σ_g n_g (v̄_g - v̄)²), and with weights the total weight W (then the means, the
    /// between sums with n_g replaced by the group's weight, and the cross-products are weighted).</summary>
    public string Moments()
    {
        var sb = new StringBuilder("WITH ").Append(Within(false)).Append(",\n");
        sb.Append("tot AS (SELECT sum(n)::float8 AS n, sum(sw) AS sw, count(*)::float8 AS levels, sum(sw * my) / sum(sw) AS my");
        for (int j = 0; j < _k; j++) sb.Append($", sum(sw * m{j}) / sum(sw) AS m{j}");
        sb.Append(" FROM gm)\n");
        sb.Append("SELECT (SELECT sum(n)::float8 FROM gm_all), t.n, t.levels, t.my");
        for (int j = 0; j < _k; j++) sb.Append($", t.m{j}");
        sb.Append(", b.*, s.*").Append(Weighted ? ", t.sw" : "").Append("\nFROM tot t, (SELECT sum(gm.sw * (gm.my - t.my) ^ 2)");
        for (int j = 0; j < _k; j++) sb.Append($", sum(gm.sw * (gm.m{j} - t.m{j}) ^ 2)");
        sb.Append($" FROM gm, tot t) b, (SELECT {WeightedSum("y * y")}");
        for (int j = 0; j < _k; j++) sb.Append($", {WeightedSum($"x{j} * y")}");
        for (int a = 0; a < _k; a++)
            for (int b = a; b < _k; b++) sb.Append($", {WeightedSum($"x{a} * x{b}")}");
        sb.Append(" FROM w) s");
        return sb.ToString();
    }

    /// <summary>CTEs w and e: each row's residual e and design z1.. (z0 = 1), with g, t and the cluster c.</summary>
    private string Errors()
    {
        bool projected = model.SmallEffect is not null;
        var sb = new StringBuilder("WITH ").Append(Within(projected)).Append(",\n");
        sb.Append("e AS (SELECT y");
        for (int j = 0; j < _k; j++) sb.Append($" - x{j} * $1[{j + 1}]");
        sb.Append(" AS e");
        if (Weighted)
        {
            sb.Append(", wt * (y");
            for (int j = 0; j < _k; j++) sb.Append($" - x{j} * $1[{j + 1}]");
            sb.Append(") AS we");
        }
        for (int j = 0; j < _k; j++) sb.Append($", x{j} + $2[{j + 1}] AS z{j + 1}");
        sb.Append(", g");
        if (projected) sb.Append(", t");
        if (model.Clusters.Count > 0) sb.Append(", c");
        if (model.Clusters.Count > 1) sb.Append(", c2");
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
            sb.Append($"SELECT sum({WeightedError} * e)");
            if (robust)
                for (int a = 0; a <= _k; a++)
                    for (int b = a; b <= _k; b++) sb.Append($", sum({WeightedError} * {WeightedError} * {z[a]} * {z[b]})");
            return sb.Append(" FROM e").ToString();
        }
        sb.Append($"SELECT (SELECT sum({WeightedError} * e) FROM e)");
        for (int a = 0; a <= _k; a++)
            for (int b = a; b <= _k; b++) sb.Append($", sum(s{a} * s{b})");
        sb.Append(", count(*)::float8");
        foreach (string effect in projected ? ["g", "t"] : new[] { "g" })
            sb.Append($", (SELECT CASE WHEN bool_and(one) THEN 1.0 ELSE 0.0 END FROM " +
                      $"(SELECT {effect}, min(c) = max(c) AS one FROM e GROUP BY 1) nest)");
        sb.Append("\nFROM (SELECT c");
        for (int a = 0; a <= _k; a++) sb.Append($", sum({WeightedError} * {z[a]}) AS s{a}");
        sb.Append(" FROM e GROUP BY c) scores");
        return sb.ToString();
    }

    /// <summary>For clusters that may straddle shards (the cluster variable is not the shard key): rows (kind, key,
    /// other, values) — ('c', cluster, null, [Σe², s_0..s_k]) per cluster with s = Σ e z; ('g', null, null, [1 when the
    /// large effect is nested in the cluster variable]), exact per shard as each group lives in one; and with a small
    /// effect ('t', level, its smallest cluster, [clusters it meets]) per level, to be checked across shards.</summary>
    public string ClusterScores() => Errors() + ScoreRows("c", "", true);
}
