using Npgsql;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>Fits <c>y ~ x1 + ... | g</c> (and <c>| g + t</c>) on a PostgreSQL-protocol engine without fetching its rows:
/// a few statements compute the sufficient statistics (<see cref="PushdownSql"/>) and
/// <see cref="SufficientStatisticsFit"/> finishes the fit in memory, equal to the in-memory fit of the same rows up to
/// the order of floating-point sums. When the table is sharded on g (<see cref="ShardCatalog"/>) the statements run on
/// each worker's shard at once and their results are combined here (<see cref="ShardSums"/>): every group lives in one
/// shard, so nothing but O(k²) numbers per shard (O(G k) cluster scores for clusters that straddle shards) moves;
/// otherwise they run on the coordinator, which for a sharded table pulls every row through postgres_fdw to join the
/// group means back.</summary>
public static class EnginePushdown
{
    /// <summary>Most rounds of excluding the second effect's singleton levels (each excludes at least one).</summary>
    private const int MaxSingletonRounds = 50;

    /// <summary>True when <paramref name="formula"/> under <paramref name="spec"/> can be computed on the engine.</summary>
    public static bool Supports(string formula, VcovSpec spec) => PushdownModel.TryFrom(formula, spec) is not null;

    /// <summary>The fit, with an <see cref="EngineSummary"/>.</summary>
    /// <exception cref="DataException">Cannot connect, no such table/column, or an infinite value.</exception>
    /// <exception cref="EstimationException">A model the push-down does not compute, or one that cannot be estimated.</exception>
    public static RegressionResult Fit(EngineSource source, string formula, VcovSpec spec, bool dropSingletons = true, string? weights = null) =>
        TryFit(source, formula, spec, dropSingletons, weights) ?? throw EstimationException.NotOnEngine($"The model {formula} on these columns");

    /// <summary>The fit, or null when the model or the columns' types need the rows (e.g. a text regressor).</summary>
    internal static RegressionResult? TryFit(EngineSource source, string formula, VcovSpec spec, bool dropSingletons, string? weights)
    {
        var model = (PushdownModel.TryFrom(formula, spec) ?? throw EstimationException.NotOnEngine($"The model {formula}")) with { Weights = weights };
        return EngineErrors.Guard(source, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var connection = new NpgsqlConnection(source.ConnectionString);
            connection.Open();
            var types = PushdownSample.ColumnTypes(connection, source);
            foreach (string c in model.Columns())
                if (!types.ContainsKey(c)) throw DataException.MissingColumn(source.Display, c, types.Keys);
            var sample = new PushdownSample(model, types);
            if (sample.NotNumeric() is not null) return null;
            using var sites = (ShardCatalog.ShardsOn(connection, source, model.Effect) is { } shards
                                  ? PushdownSites.OpenShards(shards, model, dropSingletons) : null)
                              ?? PushdownSites.Coordinator(connection, model, source.RelationAs("r"), dropSingletons);
            return Compute(model, spec, sample, sites, dropSingletons, source.Display, "postgresql", clock);
        });
    }

    /// <summary>The statements run at <paramref name="sites"/> (PostgreSQL's coordinator or shards, or embedded DuckDB)
    /// and the fit finished in memory; <paramref name="display"/> names the source in messages, <paramref name="engineName"/>
    /// the engine in the result's engine block.</summary>
    internal static RegressionResult Compute(PushdownModel model, VcovSpec spec, PushdownSample sample, IPushdownSites sites,
        bool dropSingletons, string display, string engineName, System.Diagnostics.Stopwatch clock)
    {
        long bytes = 0;
        int passes = 0;
        List<EngineRow>[] Run(Func<PushdownSql, string> statement, object[] parameters)
        {
            var rows = sites.Rows(statement, parameters);
            bytes += rows.Sum(r => r.Sum(x => x.Bytes));
            passes++;
            return rows;
        }
        var rowsOf = PushdownSampleStage.Establish(display, sample, sites, Run);
        int k = model.Regressors.Count;
        object[] parameters = [];
        int[] levelShards = [];
        var excluded = new List<string>();
        SufficientStatistics stats;
        // With a second effect, its levels left with one row once the large effect's singletons are gone (counted by
        // SmallSums) are excluded and the statements rerun, until none is (reghdfe's iterated singletons); the
        // usual sample has none, and costs no extra statement.
        for (int round = 0; ; round++)
        {
            var perShard = Run(sql => sql.Moments(), []).Select(r => r[0].Values).ToArray();
            stats = Statistics(model, ShardSums.Moments(perShard, k, model.Weights is not null)) with { SampleNotes = rowsOf.Notes };
            if (stats.Rows == 0) throw EstimationException.EmptySample();
            if (dropSingletons) stats = stats with { Singletons = rowsOf.Kept - stats.Rows };
            sites.Keep(i => ShardSums.HasRows(perShard[i]));
            if (model.SmallEffect is not { } small) break;
            var alone = new List<string>();
            if (SmallEffect(Run, model, dropSingletons, alone) is not var (levels, sums, cross, shardsOf, scale))
            {
                if (round == MaxSingletonRounds)
                    throw EstimationException.NotOnEngine($"Dropping the singletons of {small} (more than {MaxSingletonRounds} rounds)");
                excluded.AddRange(alone);
                sites.Filter(sample.Kept(excluded));
                continue;
            }
            var (twoWay, pi, _) = SmallEffectProjection.Apply(stats, small, sums, cross, scale);
            stats = twoWay;
            levelShards = shardsOf;
            parameters = [levels, .. Enumerable.Range(0, pi.GetLength(1)).Select(c => Column(pi, c))];
            break;
        }
        double[] means = stats.MeansX;
        stats = SufficientStatisticsFit.DropCollinear(stats, out int[] kept);
        var slopes = SufficientStatisticsFit.Slopes(stats);
        var allSlopes = new double[k];
        for (int j = 0; j < kept.Length; j++) allSlopes[kept[j]] = slopes[j];
        bool robust = spec is not IidVcovSpec;
        object[] arguments = [allSlopes, means, .. parameters];
        // Clusters other than the shard key may straddle shards: their scores are added by cluster here.
        int[] design = [0, .. kept.Select(j => j + 1)];
        var residuals = model.Clusters.Count == 2
            ? Restrict(TwoWayClusterSums.Combine(Run(sql => sql.TwoWayClusterScores(), arguments), model.Clusters, k + 1,
                model.SmallEffect is not null), design)
            : Residuals(model, model.Cluster is { } cluster && cluster != model.Effect && sites.Count > 1
                ? ShardSums.ClusterScores(Run(sql => sql.ClusterScores(), arguments), k + 1, model.SmallEffect is not null)
                : ShardSums.Residuals([.. Run(sql => sql.Residuals(robust), arguments).Select(x => x[0].Values)], levelShards,
                    model.Cluster is not null, model.SmallEffect is not null), robust, k + 1, design);
        long scans = rowsOf.Scans + (passes - rowsOf.Statements) * (long)PushdownSql.ScansPerPass;
        var engine = new EngineSummary(engineName, passes, rowsOf.Total * scans, bytes, sites.Shards);
        return SufficientStatisticsFit.Finish(stats, slopes, residuals, spec, engine, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The small effect's levels (as text), D̃'[ỹ X̃], D̃'D̃, per level the shards it occurs in, and the largest
    /// level count (weight): the scale of D'D; or null, with its levels of one row added to <paramref name="alone"/>,
    /// when singletons are dropped and some level has a single row.</summary>
    private static (string[] Levels, double[,] Sums, double[,] Cross, int[] Shards, double Scale)? SmallEffect(
        Func<Func<PushdownSql, string>, object[], List<EngineRow>[]> run, PushdownModel model, bool dropSingletons, List<string> alone)
    {
        int k = model.Regressors.Count;
        var sites = run(sql => sql.SmallEffectSums(), []);
        var (levels, rows, shards) = ShardSums.SmallSums([.. sites.Select(site => site.Where(r => r.Texts[0] == "s")
            .Select(r => new EngineRow([r.Texts[1]], r.Values)).ToList())]);
        if (levels.Length > PushdownModel.MaxSmallLevels)
            throw EstimationException.NotOnEngine($"The second fixed effect {model.SmallEffect} ({levels.Length} levels; list the large effect first)");
        if (rows.FirstOrDefault(r => r[0] < 2) is not null)
        {
            if (!dropSingletons)
                throw EstimationException.NotOnEngine($"A level of {model.SmallEffect} with a single observation (a singleton of the second effect)");
            alone.AddRange(levels.Where((_, i) => rows[i][0] < 2));
            return null;
        }
        int t = levels.Length, at = model.Weights is null ? 0 : 1;   // with weights: count, Σw, sums
        var index = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var sums = new double[t, k + 1];
        var cross = new double[t, t];
        for (int i = 0; i < t; i++)
        {
            cross[i, i] = rows[i][at];
            for (int j = 0; j <= k; j++) sums[i, j] = rows[i][at + j + 1];
        }
        // Σ_g n_ga n_gb / n_g is a sum over groups, each in one shard: the shards' rows add.
        foreach (var row in sites.SelectMany(x => x).Where(r => r.Texts[0] == "x"))
            cross[index[row.Texts[1]!], index[row.Texts[2]!]] -= row.Values[0];
        return (levels, sums, cross, shards, rows.Max(r => r[at]));
    }

    private static double[] Column(double[,] m, int c) => [.. Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, c])];

    private static SufficientStatistics Statistics(PushdownModel model, double[] v)
    {
        int k = model.Regressors.Count, at = 0;
        double all = v[at++], rows = double.IsNaN(v[at]) ? 0 : v[at]; at++;
        double levels = v[at++], my = v[at++];
        var means = new double[k];
        for (int j = 0; j < k; j++) means[j] = v[at++];
        double between = v[at++];
        var betweenX = new double[k];
        for (int j = 0; j < k; j++) betweenX[j] = v[at++];
        double yy = v[at++];
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
            CentredSquaresX = [.. Enumerable.Range(0, k).Select(j => betweenX[j] + xx[j, j])],
            TotalWeight = model.Weights is null ? null : v[^1],
        };
    }

    /// <summary>The residual statistics from a Residuals row over p = k + 1 design columns, the meat restricted to the
    /// columns <paramref name="kept"/> (the intercept and the regressors not dropped as collinear).</summary>
    private static ResidualStatistics Residuals(PushdownModel model, double[] v, bool robust, int p, int[] kept)
    {
        if (!robust) return new ResidualStatistics { Ssr = v[0] };
        var meat = new double[p, p];
        int at = 1;
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++) meat[a, b] = meat[b, a] = v[at++];
        return Restrict(model.Cluster is null
            ? new ResidualStatistics { Ssr = v[0], Meat = meat }
            : new ResidualStatistics
            {
                Ssr = v[0], Meat = meat, Cluster = model.Cluster, ClusterCount = (int)v[at],
                NestedInCluster = [.. v.Skip(at + 1).Select(x => x == 1)],
            }, kept);
    }

    private static ResidualStatistics Restrict(ResidualStatistics r, int[] kept)
    {
        if (r.Meat is not { } full || kept.Length == full.GetLength(0)) return r;
        var meat = new double[kept.Length, kept.Length];
        for (int a = 0; a < kept.Length; a++)
            for (int b = 0; b < kept.Length; b++) meat[a, b] = full[kept[a], kept[b]];
        return r with { Meat = meat };
    }
}
