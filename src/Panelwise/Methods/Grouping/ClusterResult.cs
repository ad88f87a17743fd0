namespace Panelwise.Methods.Grouping;

/// <summary>A partition of n rows into k clusters, numbered 0..k-1 in ascending order of the mean of each cluster's
/// centre over the variables (so with standardised indicators, cluster 0 is the "lowest" group).</summary>
/// <param name="Assignments">Cluster of each row.</param>
/// <param name="Centers">Centers[c][j]: mean of variable j in cluster c.</param>
/// <param name="WithinSumOfSquares">Sum of squared distances to the centre, per cluster.</param>
public sealed record ClusterResult(int[] Assignments, double[][] Centers, double[] WithinSumOfSquares)
{
    public double TotalWithinSumOfSquares => WithinSumOfSquares.Sum();

    /// <summary>Centres, within sums of squares and the canonical numbering for a given partition.</summary>
    public static ClusterResult FromAssignments(IReadOnlyList<double[]> rows, int[] assignments, int k)
    {
        int p = rows[0].Length;
        var centers = Enumerable.Range(0, k).Select(c => Center(rows, assignments, c, p)).ToArray();
        var order = Enumerable.Range(0, k).OrderBy(c => centers[c].Average()).ThenBy(c => centers[c][0]).ToArray();
        var rank = new int[k];
        for (int r = 0; r < k; r++) rank[order[r]] = r;
        var relabelled = assignments.Select(a => rank[a]).ToArray();
        var sortedCenters = order.Select(c => centers[c]).ToArray();
        var within = new double[k];
        for (int i = 0; i < rows.Count; i++) within[relabelled[i]] += SquaredDistance(rows[i], sortedCenters[relabelled[i]]);
        return new ClusterResult(relabelled, sortedCenters, within);
    }

    internal static double SquaredDistance(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return s;
    }

    private static double[] Center(IReadOnlyList<double[]> rows, int[] assignments, int cluster, int p)
    {
        var c = new double[p];
        int count = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (assignments[i] != cluster) continue;
            count++;
            for (int j = 0; j < p; j++) c[j] += rows[i][j];
        }
        for (int j = 0; j < p; j++) c[j] /= count;
        return c;
    }
}
