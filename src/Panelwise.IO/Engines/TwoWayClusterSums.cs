using Panelwise.Estimation;

namespace Panelwise.IO.Engines;

/// <summary>Combines the rows of <see cref="PushdownSql.TwoWayClusterScores"/> from every site into the two-way
/// cluster residual statistics: for each cluster variable and for their intersection, each cluster's score summed over
/// the shards it occurs in (<see cref="ShardSums.ClusterScores"/>), then M = M₁ + M₂ - M₁₂, the two cluster counts,
/// and each effect nested when it is nested in either variable (in-memory rule: its levels are then not counted in K).</summary>
internal static class TwoWayClusterSums
{
    public static ResidualStatistics Combine(IReadOnlyList<List<EngineRow>> sites, IReadOnlyList<string> clusters, int p, bool small)
    {
        double[] Part(string tag) => ShardSums.ClusterScores(
            [.. sites.Select(rows => rows.Where(r => r.Texts[0]!.Length > 1 && r.Texts[0]![1..] == tag)
                .Select(r => r with { Texts = [r.Texts[0]![..1], .. r.Texts[1..]] }).ToList())], p, small);
        var (first, second, both) = (Part("1"), Part("2"), Part("12"));
        var meat = new double[p, p];
        int at = 1;
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++, at++) meat[a, b] = meat[b, a] = first[at] + second[at] - both[at];
        int effects = small ? 2 : 1;
        return new ResidualStatistics
        {
            Ssr = first[0], Meat = meat,
            ClusterCounts = [(clusters[0], (int)first[at]), (clusters[1], (int)second[at])],
            NestedInCluster = [.. Enumerable.Range(0, effects).Select(i => first[at + 1 + i] == 1 || second[at + 1 + i] == 1)],
        };
    }
}
