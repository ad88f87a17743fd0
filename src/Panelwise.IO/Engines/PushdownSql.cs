using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>The two statements of a one-way fixed-effects fit on a PostgreSQL-protocol engine. Both keep the rows on
/// the engine and return one row of O(k²) numbers. The per-group means come from <c>GROUP BY g</c> (pushed to the
/// shards when g is the partition key, see POSTGRES notes in the README), and each row is demeaned exactly by joining
/// them back (so the cross-products are of centred values: no cancellation as in Σx² - n x̄²).
/// Pass 1: sample size, groups, singletons, grand means, Σ_g n_g (ȳ_g - ȳ)², X̃'X̃, X̃'ỹ, ỹ'ỹ.
/// Pass 2 ($1 = b, $2 = x̄): e = ỹ - X̃b, z = [1, x̃ + x̄]: Σe², and Σe²zz' (HC1) or Σ_c s_c s_c', s_c = Σ_{i in c} e_i z_i.</summary>
internal sealed class PushdownSql(PushdownModel model, string relation, bool dropSingletons)
{
    private readonly int _k = model.Regressors.Count;
    private static string Q(string name) => EngineSource.Quote(name);

    /// <summary>Scans of the relation per pass (each statement reads it once for the group means, once for the rows).</summary>
    public const int ScansPerPass = 2;

    private string Where(string prefix = "") => string.Join(" AND ", model.Columns().Select(c => $"{prefix}{Q(c)} IS NOT NULL"));

    /// <summary>CTEs <c>gm</c> (group means, singletons dropped) and <c>w</c> (the demeaned rows).</summary>
    private string Within()
    {
        var sb = new StringBuilder();
        sb.Append($"gm_all AS (SELECT {Q(model.Effect)} AS g, count(*) AS n, avg({Q(model.Response)}::float8) AS my");
        for (int j = 0; j < _k; j++) sb.Append($", avg({Q(model.Regressors[j])}::float8) AS m{j}");
        sb.Append($" FROM {relation} WHERE {Where()} GROUP BY 1),\n");
        sb.Append($"gm AS (SELECT * FROM gm_all{(dropSingletons ? " WHERE n > 1" : "")}),\n");
        sb.Append($"w AS (SELECT r.{Q(model.Response)}::float8 - gm.my AS y");
        for (int j = 0; j < _k; j++) sb.Append($", r.{Q(model.Regressors[j])}::float8 - gm.m{j} AS x{j}");
        if (model.Cluster is { } c) sb.Append($", r.{Q(c)} AS c, gm.g AS g");
        sb.Append($" FROM {relation} JOIN gm ON r.{Q(model.Effect)} = gm.g WHERE {Where("r.")})");
        return sb.ToString();
    }

    /// <summary>Pass 1. Columns: rows_all, rows, levels, my, m0..m(k-1), between_y, yy, xy0.., then X̃'X̃ upper triangle by rows.</summary>
    public string Moments()
    {
        var sb = new StringBuilder("WITH ").Append(Within()).Append(",\n");
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

    /// <summary>Pass 2. Columns: ssr, then (HC1 or cluster) the upper triangle of the meat over z = [1, x̃+x̄], then
    /// (cluster) the cluster count and whether the effect is nested in the cluster variable.</summary>
    public string Residuals(bool robust)
    {
        var sb = new StringBuilder("WITH ").Append(Within()).Append(",\n");
        sb.Append("e AS (SELECT y");
        for (int j = 0; j < _k; j++) sb.Append($" - x{j} * $1[{j + 1}]");
        sb.Append(" AS e");
        for (int j = 0; j < _k; j++) sb.Append($", x{j} + $2[{j + 1}] AS z{j + 1}");
        if (model.Cluster is not null) sb.Append(", c, g");
        sb.Append(" FROM w)\n");
        string[] z = ["1", .. Enumerable.Range(1, _k).Select(j => $"z{j}")];
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
        sb.Append(", count(*)::float8, (SELECT CASE WHEN bool_and(k = 1) THEN 1.0 ELSE 0.0 END FROM " +
                  "(SELECT g, count(DISTINCT c) AS k FROM e GROUP BY g) nest)\nFROM (SELECT c");
        for (int a = 0; a <= _k; a++) sb.Append($", sum(e * {z[a]}) AS s{a}");
        sb.Append(" FROM e GROUP BY c) scores");
        return sb.ToString();
    }

    /// <summary>Number of values in the result of pass 1 (for the bytes fetched).</summary>
    public int MomentCount => 4 + _k + 1 + 1 + _k + _k * (_k + 1) / 2;
}
