namespace Panelwise.IO.Engines;

/// <summary>Combines the push-down statements' results from shards that each hold whole groups of the large effect
/// (so every within-group sum is a sum over shards), exactly: grand means by counts, the between-group sum by the
/// parallel-axis rule (for y and each regressor), the small effect's sums by level, cluster scores by cluster. With one site each result is
/// returned as it came.</summary>
internal static class ShardSums
{
    /// <summary>The Moments row (<see cref="PushdownSql.Moments"/> layout) of the union of shards. Shards without rows in
    /// the sample (all NULL or all singletons) add only their singletons. Σ_g n_g(ȳ_g - ȳ)² is
    /// Σ_s [Σ_{g in s} n_g(ȳ_g - ȳ_s)² + n_s(ȳ_s - ȳ)²]: no cancellation as in Σ n ȳ² - N ȳ².</summary>
    public static double[] Moments(IReadOnlyList<double[]> shards, int k, bool weighted = false)
    {
        if (shards.Count == 1) return shards[0];
        var v = new double[shards[0].Length];
        const int rowsAll = 0, rows = 1, levels = 2, means = 3;
        int between = means + 1 + k;
        var kept = shards.Where(HasRows).ToList();
        v[rowsAll] = shards.Sum(s => double.IsNaN(s[rowsAll]) ? 0 : s[rowsAll]);
        v[rows] = kept.Sum(s => s[rows]);
        v[levels] = kept.Sum(s => s[levels]);
        // With weights the last column is the shard's total weight, the weight of its means.
        double Weight(double[] s) => weighted ? s[^1] : s[rows];
        double total = kept.Sum(Weight);
        for (int j = means; j < between; j++)
            v[j] = kept.Count == 0 ? double.NaN : kept.Sum(s => Weight(s) * s[j]) / total;
        for (int j = 0; j <= k; j++)
            v[between + j] = kept.Sum(s => s[between + j] + Weight(s) * Square(s[means + j] - v[means + j]));
        for (int j = between + 1 + k; j < v.Length; j++) v[j] = kept.Sum(s => s[j]);
        return v;
    }

    /// <summary>True when the shard's Moments row has rows in the estimation sample.</summary>
    public static bool HasRows(double[] moments) => moments[1] > 0;

    /// <summary>The small effect's levels (ordinal order), per level [count, Σỹ, Σx̃..] summed over shards, and per
    /// level the number of shards it occurs in.</summary>
    public static (string[] Levels, double[][] Rows, int[] Shards) SmallSums(IReadOnlyList<List<EngineRow>> shards)
    {
        var sums = new SortedDictionary<string, (double[] Sum, int Shards)>(StringComparer.Ordinal);
        foreach (var row in shards.SelectMany(s => s))
        {
            string level = row.Texts[0]!;
            if (!sums.TryGetValue(level, out var at)) at = (new double[row.Values.Length], 0);
            for (int j = 0; j < row.Values.Length; j++) at.Sum[j] += row.Values[j];
            sums[level] = (at.Sum, at.Shards + 1);
        }
        return ([.. sums.Keys], [.. sums.Values.Select(s => s.Sum)], [.. sums.Values.Select(s => s.Shards)]);
    }

    /// <summary>The Residuals rows of shards whose clusters do not straddle shards (no cluster, or the cluster is the
    /// large effect): Σe², the meat and the cluster count add; the large effect is nested in the clusters when it is in
    /// every shard; the small effect when it is in every shard and no level occurs in two shards (its groups, hence
    /// clusters, differ between shards).</summary>
    public static double[] Residuals(IReadOnlyList<double[]> shards, int[] levelShards, bool clustered, bool small)
    {
        if (shards.Count == 1) return shards[0];
        var v = new double[shards[0].Length];
        int flags = v.Length - (clustered ? (small ? 2 : 1) : 0);
        for (int j = 0; j < flags; j++) v[j] = shards.Sum(s => s[j]);
        if (clustered)
        {
            v[flags] = shards.All(s => s[flags] == 1) ? 1 : 0;
            if (small) v[flags + 1] = shards.All(s => s[flags + 1] == 1) && levelShards.All(n => n == 1) ? 1 : 0;
        }
        return v;
    }

    /// <summary>The Residuals row (layout of <see cref="PushdownSql.Residuals"/> with a cluster) from the shards'
    /// <see cref="PushdownSql.ClusterScores"/>: each cluster's score s = Σ e z summed over the shards it straddles, the
    /// meat Σ_c s_c s_c', the number of distinct clusters; the large effect nested when it is in every shard, the small
    /// one when each level meets one cluster in every shard and the same one.</summary>
    public static double[] ClusterScores(IReadOnlyList<List<EngineRow>> shards, int p, bool small)
    {
        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var levels = new Dictionary<string, string?>(StringComparer.Ordinal);
        bool large = true;
        foreach (var row in shards.SelectMany(s => s))
            switch (row.Texts[0])
            {
                case "c":
                    if (!scores.TryGetValue(row.Texts[1]!, out var s)) scores[row.Texts[1]!] = s = new double[p + 1];
                    for (int j = 0; j <= p; j++) s[j] += row.Values[j];
                    break;
                case "g":
                    large &= row.Values[0] == 1;
                    break;
                case "t":
                    string? only = row.Values[0] == 1 ? row.Texts[2] : null;
                    levels[row.Texts[1]!] = levels.TryGetValue(row.Texts[1]!, out var seen) && seen != only ? null : only;
                    break;
            }
        var v = new List<double> { scores.Values.Sum(s => s[0]) };
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++) v.Add(scores.Values.Sum(s => s[a + 1] * s[b + 1]));
        v.Add(scores.Count);
        v.Add(large ? 1 : 0);
        if (small) v.Add(levels.Values.All(c => c is not null) ? 1 : 0);
        return [.. v];
    }

    private static double Square(double x) => x * x;
}
