using Npgsql;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>Fits <c>y ~ x1 + ... | g</c> (and <c>| g + t</c>) on a PostgreSQL-protocol engine without fetching its rows:
/// two (four) statements compute the sufficient statistics (<see cref="PushdownSql"/>) and
/// <see cref="SufficientStatisticsFit"/> finishes the fit in memory, equal to the in-memory fit of the same rows up to
/// the order of floating-point sums. When the table is sharded on g (<see cref="ShardCatalog"/>) the statements run on
/// each worker's shard at once and their results are combined here (<see cref="ShardSums"/>): every group lives in one
/// shard, so nothing but O(k²) numbers per shard (O(G k) cluster scores for clusters that straddle shards) moves;
/// otherwise they run on the coordinator, which for a sharded table pulls every row through postgres_fdw to join the
/// group means back.</summary>
public static class EnginePushdown
{
    /// <summary>True when <paramref name="formula"/> under <paramref name="spec"/> can be computed on the engine.</summary>
    public static bool Supports(string formula, VcovSpec spec) => PushdownModel.TryFrom(formula, spec) is not null;

    /// <summary>The fit, with an <see cref="EngineSummary"/>.</summary>
    /// <exception cref="DataException">Cannot connect, or no such table/column.</exception>
    /// <exception cref="EstimationException">A model the push-down does not compute, or one that cannot be estimated.</exception>
    public static RegressionResult Fit(EngineSource source, string formula, VcovSpec spec, bool dropSingletons = true)
    {
        var model = PushdownModel.TryFrom(formula, spec) ?? throw EstimationException.NotOnEngine($"The model {formula}");
        return EngineErrors.Guard(source, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var connection = new NpgsqlConnection(source.ConnectionString);
            connection.Open();
            var available = EngineReader.ColumnNames(connection, source);
            foreach (string c in model.Columns())
                if (!available.Contains(c)) throw DataException.MissingColumn(source.Display, c, available);
            using var sites = (ShardCatalog.ShardsOn(connection, source, model.Effect) is { } shards
                                  ? PushdownSites.OpenShards(shards, model, dropSingletons) : null)
                              ?? PushdownSites.Coordinator(connection, model, source.RelationAs("r"), dropSingletons);
            return Compute(model, spec, sites, "postgresql", clock);
        });
    }

    /// <summary>The statements run at <paramref name="sites"/> and the fit finished in memory; <paramref name="engineName"/>
    /// names the engine in the result's engine block.</summary>
    internal static RegressionResult Compute(PushdownModel model, VcovSpec spec, IPushdownSites sites, string engineName,
        System.Diagnostics.Stopwatch clock)
    {
        long bytes = 0;
        List<EngineRow>[] Run(Func<PushdownSql, string> statement, object[] parameters)
        {
            var rows = sites.Rows(statement, parameters);
            bytes += rows.Sum(r => r.Sum(x => x.Bytes));
            return rows;
        }
        int k = model.Regressors.Count;
        var perShard = Run(sql => sql.Moments(), []).Select(r => r[0].Values).ToArray();
        var m = ShardSums.Moments(perShard, k);
        var stats = Statistics(model, m);
        if (stats.Rows == 0) throw EstimationException.EmptySample();
        sites.Keep(i => ShardSums.HasRows(perShard[i]));
        int passes = 2;
        object[] parameters = [];
        int[] levelShards = [];
        if (model.SmallEffect is { } small)
        {
            var (levels, sums, cross, shardsOf) = SmallEffect(Run, model);
            var (twoWay, pi, _) = SmallEffectProjection.Apply(stats, small, sums, cross);
            stats = twoWay;
            passes += 2;
            levelShards = shardsOf;
            parameters = [levels, .. Enumerable.Range(0, pi.GetLength(1)).Select(c => Column(pi, c))];
        }
        var slopes = SufficientStatisticsFit.Slopes(stats);
        bool robust = spec is not IidVcovSpec;
        object[] arguments = [slopes, stats.MeansX, .. parameters];
        // Clusters other than the shard key may straddle shards: their scores are added by cluster here.
        var r = model.Cluster is { } cluster && cluster != model.Effect && sites.Count > 1
            ? ShardSums.ClusterScores(Run(sql => sql.ClusterScores(), arguments), k + 1, model.SmallEffect is not null)
            : ShardSums.Residuals([.. Run(sql => sql.Residuals(robust), arguments).Select(x => x[0].Values)], levelShards,
                model.Cluster is not null, model.SmallEffect is not null);
        var residuals = Residuals(model, r, robust, k + 1);
        var engine = new EngineSummary(engineName, passes, (long)m[0] * passes * PushdownSql.ScansPerPass, bytes, sites.Shards);
        return SufficientStatisticsFit.Finish(stats, slopes, residuals, spec, engine, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The small effect's levels (as text), D̃'[ỹ X̃], D̃'D̃, and per level the shards it occurs in.</summary>
    private static (string[] Levels, double[,] Sums, double[,] Cross, int[] Shards) SmallEffect(
        Func<Func<PushdownSql, string>, object[], List<EngineRow>[]> run, PushdownModel model)
    {
        int k = model.Regressors.Count;
        var (levels, rows, shards) = ShardSums.SmallSums(run(sql => sql.SmallSums(), []));
        if (levels.Length > PushdownModel.MaxSmallLevels)
            throw EstimationException.NotOnEngine($"The second fixed effect {model.SmallEffect} ({levels.Length} levels; list the large effect first)");
        if (rows.FirstOrDefault(r => r[0] < 2) is not null)
            throw EstimationException.NotOnEngine($"A level of {model.SmallEffect} with a single observation (a singleton of the second effect)");
        int t = levels.Length;
        var index = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var sums = new double[t, k + 1];
        var cross = new double[t, t];
        for (int i = 0; i < t; i++)
        {
            cross[i, i] = rows[i][0];
            for (int j = 0; j <= k; j++) sums[i, j] = rows[i][j + 1];
        }
        // Σ_g n_ga n_gb / n_g is a sum over groups, each in one shard: the shards' rows add.
        foreach (var row in run(sql => sql.SmallCross(), []).SelectMany(x => x))
            cross[index[row.Texts[0]!], index[row.Texts[1]!]] -= row.Values[0];
        return (levels, sums, cross, shards);
    }

    private static double[] Column(double[,] m, int c) => [.. Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, c])];

    private static SufficientStatistics Statistics(PushdownModel model, double[] v)
    {
        int k = model.Regressors.Count, at = 0;
        double all = v[at++], rows = double.IsNaN(v[at]) ? 0 : v[at]; at++;
        double levels = v[at++], my = v[at++];
        var means = new double[k];
        for (int j = 0; j < k; j++) means[j] = v[at++];
        double between = v[at++], yy = v[at++];
        var xy = new double[k];
        for (int j = 0; j < k; j++) xy[j] = v[at++];
        var xx = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++) xx[a, b] = xx[b, a] = v[at++];
        return new SufficientStatistics
        {
            Formula = model.Formula, ResponseName = model.Response, Regressors = model.Regressors,
            Effects = [(model.Effect, (int)levels)], AbsorbedDof = (int)levels - 1, Rows = (long)rows, Singletons = double.IsNaN(all) ? 0 : (long)(all - rows),
            MeanY = my, MeansX = means, Xtx = xx, Xty = xy, Yty = yy, TotalSquares = yy + between,
        };
    }

    private static ResidualStatistics Residuals(PushdownModel model, double[] v, bool robust, int p)
    {
        if (!robust) return new ResidualStatistics { Ssr = v[0] };
        var meat = new double[p, p];
        int at = 1;
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++) meat[a, b] = meat[b, a] = v[at++];
        return model.Cluster is null
            ? new ResidualStatistics { Ssr = v[0], Meat = meat }
            : new ResidualStatistics
            {
                Ssr = v[0], Meat = meat, Cluster = model.Cluster, ClusterCount = (int)v[at],
                NestedInCluster = [.. v.Skip(at + 1).Select(x => x == 1)],
            };
    }
}
