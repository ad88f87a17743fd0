namespace Panelwise.Methods.Grouping;

/// <summary>Agglomerative hierarchical clustering with Ward's minimum-variance criterion (Ward 1963, JASA 58: 236-244),
/// the Ward.D2 form of R's hclust (Murtagh and Legendre 2014, J. Classification 31: 274-295), cut into k groups.</summary>
public static class WardClustering
{
    /// <summary>
    /// Starts from singletons with squared Euclidean dissimilarities and repeatedly merges the closest pair, updating by
    /// Lance-Williams: d2(i+j, m) = [(n_i + n_m) d2(i, m) + (n_j + n_m) d2(j, m) - n_m d2(i, j)] / (n_i + n_j + n_m);
    /// stops when k clusters remain. O(n^3) time and O(n^2) memory: meant for units (industries, provinces), not rows.
    /// </summary>
    public static ClusterResult Fit(IReadOnlyList<double[]> rows, int k)
    {
        int n = rows.Count;
        if (k < 1 || k > n) throw new UserInputException($"Ward clustering needs 1 <= k <= rows ({n}); got k = {k}.");
        var d2 = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) d2[i, j] = d2[j, i] = ClusterResult.SquaredDistance(rows[i], rows[j]);
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var owner = Enumerable.Range(0, n).ToArray();
        for (int clusters = n; clusters > k; clusters--)
        {
            int a = -1, b = -1;
            double smallest = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                if (!active[i]) continue;
                for (int j = i + 1; j < n; j++)
                    if (active[j] && d2[i, j] < smallest) { smallest = d2[i, j]; a = i; b = j; }
            }
            for (int m = 0; m < n; m++)
            {
                if (!active[m] || m == a || m == b) continue;
                double merged = ((size[a] + size[m]) * d2[a, m] + (size[b] + size[m]) * d2[b, m] - size[m] * d2[a, b])
                                / (size[a] + size[b] + size[m]);
                d2[a, m] = d2[m, a] = merged;
            }
            size[a] += size[b];
            active[b] = false;
            for (int i = 0; i < n; i++) if (owner[i] == b) owner[i] = a;
        }
        var compact = owner.Distinct().Select((o, c) => (o, c)).ToDictionary(t => t.o, t => t.c);
        return ClusterResult.FromAssignments(rows, owner.Select(o => compact[o]).ToArray(), k);
    }
}
