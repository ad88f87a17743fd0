namespace Panelwise.Methods.Grouping;

/// <summary>k-means clustering (Lloyd's algorithm, Lloyd 1982, IEEE Trans. Inf. Theory 28: 129-137) with k-means++
/// starts (Arthur and Vassilvitskii 2007, SODA: 1027-1035). Deterministic: the same seed gives the same groups.</summary>
public static class KMeans
{
    /// <summary>
    /// Minimises sum_i ||x_i - mu_{c(i)}||^2. Each of <paramref name="starts"/> runs draws k-means++ centres (first
    /// uniformly, then with probability proportional to D(x)^2), then alternates assignment and mean update until no
    /// row changes cluster; the run with the smallest total within-cluster sum of squares is kept.
    /// </summary>
    /// <param name="rows">n rows of p values each.</param>
    /// <param name="k">Number of clusters, 1 &lt;= k &lt;= n.</param>
    /// <param name="seed">Seed of the random starts.</param>
    /// <param name="starts">Independent starts (R's nstart).</param>
    /// <param name="maxIterations">Lloyd iterations per start.</param>
    public static ClusterResult Fit(IReadOnlyList<double[]> rows, int k, int seed = 12345, int starts = 100, int maxIterations = 100)
    {
        int n = rows.Count;
        if (k < 1 || k > n) throw new UserInputException($"k-means needs 1 <= k <= rows ({n}); got k = {k}.");
        var rng = new Random(seed);
        int[]? best = null;
        double bestSs = double.PositiveInfinity;
        for (int s = 0; s < starts; s++)
        {
            var assignment = Lloyd(rows, PlusPlus(rows, k, rng), maxIterations);
            double ss = 0;
            var centers = Means(rows, assignment, k);
            for (int i = 0; i < n; i++) ss += ClusterResult.SquaredDistance(rows[i], centers[assignment[i]]);
            // A strict improvement beyond rounding, so that equal optima keep the earliest start.
            if (best is null || ss < bestSs - 1e-12 * Math.Max(1, bestSs)) { bestSs = ss; best = assignment; }
        }
        return ClusterResult.FromAssignments(rows, best!, k);
    }

    private static double[][] PlusPlus(IReadOnlyList<double[]> rows, int k, Random rng)
    {
        int n = rows.Count;
        var centers = new List<double[]> { rows[rng.Next(n)] };
        var d2 = rows.Select(r => ClusterResult.SquaredDistance(r, centers[0])).ToArray();
        while (centers.Count < k)
        {
            double total = d2.Sum(), target = rng.NextDouble() * total, acc = 0;
            int chosen = n - 1;
            for (int i = 0; i < n && total > 0; i++)
            {
                acc += d2[i];
                if (acc >= target && d2[i] > 0) { chosen = i; break; }
            }
            centers.Add(rows[chosen]);
            for (int i = 0; i < n; i++) d2[i] = Math.Min(d2[i], ClusterResult.SquaredDistance(rows[i], rows[chosen]));
        }
        return centers.Select(c => (double[])c.Clone()).ToArray();
    }

    private static int[] Lloyd(IReadOnlyList<double[]> rows, double[][] centers, int maxIterations)
    {
        int n = rows.Count, k = centers.Length;
        var assignment = Enumerable.Repeat(-1, n).ToArray();
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                int nearest = 0;
                double nearestD = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = ClusterResult.SquaredDistance(rows[i], centers[c]);
                    if (d < nearestD) { nearestD = d; nearest = c; }
                }
                if (assignment[i] != nearest) { assignment[i] = nearest; changed = true; }
            }
            if (!changed) break;
            var means = Means(rows, assignment, k);
            for (int c = 0; c < k; c++) if (means[c] is not null) centers[c] = means[c];
        }
        return assignment;
    }

    /// <summary>Cluster means; an emptied cluster keeps a null entry so its old centre stays.</summary>
    private static double[][] Means(IReadOnlyList<double[]> rows, int[] assignment, int k)
    {
        int p = rows[0].Length;
        var sums = new double[k][];
        var counts = new int[k];
        for (int i = 0; i < rows.Count; i++)
        {
            int c = assignment[i];
            sums[c] ??= new double[p];
            counts[c]++;
            for (int j = 0; j < p; j++) sums[c][j] += rows[i][j];
        }
        for (int c = 0; c < k; c++)
            if (sums[c] is not null) for (int j = 0; j < p; j++) sums[c][j] /= counts[c];
        return sums;
    }
}
