using Panelwise.IO.Engines;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The per-shard results combine to the statistics of the union of the shards, computed here by brute force
/// from the rows: the moments with a large common mean (where Σ n ȳ² - N ȳ² would lose every digit of the between-group
/// sum), an empty shard, and cluster scores of clusters that straddle shards.</summary>
public class ShardSumsTests
{
    [Fact]
    public void Moments_of_shards_are_the_moments_of_their_union_without_cancellation()
    {
        var random = new Random(7);
        // Groups (y, x rows) in three shards; the third has no rows in the sample (all NULL or singletons).
        var shards = Enumerable.Range(0, 2).Select(s => Enumerable.Range(0, 40 + 10 * s).Select(g =>
            Enumerable.Range(0, 2 + random.Next(6)).Select(_ => (Y: 1e8 + g * 0.01 + s + random.NextDouble(), X: random.NextDouble() - g)).ToList())
            .ToList()).ToList();
        double[] empty = [3, double.NaN, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        var combined = ShardSums.Moments([.. shards.Select(Row), empty], 1);
        var union = Row(shards.SelectMany(g => g).ToList());
        Assert.Equal(union[0] + 3, combined[0]);
        Assert.Equal(union[1], combined[1]);
        Assert.Equal(union[2], combined[2]);
        // y near 1e8 carries 1.5e-8 of rounding per value, so group-mean deviations of about 0.5 are good to ~1e-8 in
        // either computation; the naive formula errs by more than 1e-3 (asserted below).
        for (int j = 3; j < union.Length; j++)
            Assert.True(Math.Abs(combined[j] - union[j]) <= 1e-6 * Math.Abs(union[j]), $"column {j}: {combined[j]:R} vs {union[j]:R}");
        // The naive formula on the same numbers is wrong in its leading digits.
        var all = shards.SelectMany(g => g).ToList();
        double n = all.Sum(g => g.Count), mean = all.Sum(g => g.Sum(r => r.Y)) / n;
        double naive = all.Sum(g => g.Count * Math.Pow(g.Average(r => r.Y), 2)) - n * mean * mean;
        Assert.True(Math.Abs(naive - union[5]) > 1e-3 * union[5]);
    }

    [Fact]
    public void Cluster_scores_straddling_shards_add_by_cluster_before_the_outer_product()
    {
        // Rows (cluster, e, z1) in two shards; cluster "b" is in both.
        (string C, double E, double Z)[][] shards = [[("a", 1, 2), ("b", -2, 1), ("b", 0.5, 3)], [("b", 1.5, -1), ("c", -1, 4)]];
        var rows = shards.Select(s => s.GroupBy(r => r.C).Select(c => new EngineRow(["c", c.Key, null],
            [c.Sum(r => r.E * r.E), c.Sum(r => r.E), c.Sum(r => r.E * r.Z)])).Append(new EngineRow(["g", null, null], [1])).ToList()).ToList();
        var v = ShardSums.ClusterScores(rows, 2, small: false);
        var all = shards.SelectMany(s => s).ToList();
        var scores = all.GroupBy(r => r.C).Select(c => (S0: c.Sum(r => r.E), S1: c.Sum(r => r.E * r.Z))).ToList();
        double[] expected = [all.Sum(r => r.E * r.E), scores.Sum(s => s.S0 * s.S0), scores.Sum(s => s.S0 * s.S1), scores.Sum(s => s.S1 * s.S1), 3, 1];
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("x", "x", 1)]
    [InlineData("x", "y", 0)]
    [InlineData(null, "x", 0)]
    public void A_small_level_is_nested_when_every_shard_meets_the_same_single_cluster(string? first, string second, double nested)
    {
        List<EngineRow> Shard(string? only) =>
            [new(["g", null, null], [1]), new(["t", "2001", only], [only is null ? 2 : 1]), new(["t", "2002", "z"], [1])];
        var v = ShardSums.ClusterScores([Shard(first), Shard(second)], 1, small: true);
        Assert.Equal(nested, v[^1]);
        Assert.Equal(1, v[^2]);
    }

    /// <summary>A Moments row by its definition (k = 1, no singletons): rows_all, rows, levels, ȳ, x̄, Σ n_g(ȳ_g-ȳ)²,
    /// Σ n_g(x̄_g-x̄)², Σỹ², Σx̃ỹ, Σx̃².</summary>
    private static double[] Row(List<List<(double Y, double X)>> groups)
    {
        var rows = groups.SelectMany(g => g).ToList();
        double n = rows.Count, my = rows.Average(r => r.Y), mx = rows.Average(r => r.X);
        double between = 0, betweenX = 0, yy = 0, xy = 0, xx = 0;
        foreach (var g in groups)
        {
            double gy = g.Average(r => r.Y), gx = g.Average(r => r.X);
            between += g.Count * (gy - my) * (gy - my);
            betweenX += g.Count * (gx - mx) * (gx - mx);
            foreach (var (y, x) in g) { yy += (y - gy) * (y - gy); xy += (x - gx) * (y - gy); xx += (x - gx) * (x - gx); }
        }
        return [n, n, groups.Count, my, mx, between, betweenX, yy, xy, xx];
    }
}
