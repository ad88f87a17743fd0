using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>S = Σ_i s_i s_i' (by observation) or Σ_g s_g s_g' (one-way clusters, s_g = Σ_{i in g} s_i) for the score
/// columns s_(a·L + l) = (D E)_a ∘ (D Zc)_l of <see cref="IvBasis.Scores"/>, summed during the one pass that forms
/// them: the scores live only in a per-worker block buffer (BlockRows x m), never as n-row arrays; clustered sums go
/// into a per-part G x m table, scattered row by row (one cache line per row, not one per row and column). Several
/// score families (one (Zc, E) pair per statistic) are summed in the same pass over the rows, each into its own sums:
/// every entry receives the same additions in the same order as a pass of its own, so the result is bit-identical.
/// When the rows are sorted by the cluster (a panel sorted by unit) the pass sums cluster by cluster instead
/// (<see cref="IvClusterRunMoments"/>), with no G x m tables.
/// The same S as MomentCovariance.Compute over the materialised columns, up to the order of floating-point additions.
/// Rows are split into a fixed number of parts, each summed in row order and the parts added in order, so the result
/// does not depend on the thread count.</summary>
internal static class IvScoreMoments
{
    private const int BlockRows = IvBasis.BlockRows;

    public static double[,] Compute(IReadOnlyList<double[]> d, int n, Matrix<double> zc, Matrix<double> e, FixedEffect? cluster) =>
        Compute(d, n, [(zc, e)], cluster)[0];

    /// <summary>S of each family (Zc_f, E_f), all from one pass over the rows. Each distinct coordinate column (Z̃1
    /// serves several families; the instruments' columns reappear in a restricted model's) is combined from the data
    /// columns once per block; a column's combination does not depend on which family asked for it.</summary>
    public static double[][,] Compute(IReadOnlyList<double[]> d, int n, IReadOnlyList<(Matrix<double> Z, Matrix<double> E)> families, FixedEffect? cluster) =>
        Compute(d, n, families, cluster, [], []);

    /// <summary>As above, and also writes the n-row columns D c of the data combinations <paramref name="outputs"/>
    /// into <paramref name="targets"/> during the same pass (the residuals a fit reports: no pass of their own). Each is
    /// combined exactly as <see cref="IvBasis.Rows"/> combines it, so the values are bit-identical.</summary>
    public static double[][,] Compute(IReadOnlyList<double[]> d, int n, IReadOnlyList<(Matrix<double> Z, Matrix<double> E)> families, FixedEffect? cluster,
        IReadOnlyList<double[]> outputs, IReadOnlyList<double[]> targets)
    {
        int f = families.Count;
        var unique = new List<double[]>();
        int IndexOf(double[] column)
        {
            int i = unique.FindIndex(u => u.AsSpan().SequenceEqual(column));
            if (i >= 0) return i;
            unique.Add(column);
            return unique.Count - 1;
        }
        var zIndex = families.Select(x => Enumerable.Range(0, x.Z.ColumnCount).Select(k => IndexOf(x.Z.Column(k).ToArray())).ToArray()).ToArray();
        var eIndex = families.Select(x => Enumerable.Range(0, x.E.ColumnCount).Select(a => IndexOf(x.E.Column(a).ToArray())).ToArray()).ToArray();
        var outIndex = outputs.Select(IndexOf).ToArray();
        int p = d.Count, u = unique.Count;
        var columns = new double[p, u];
        for (int j = 0; j < u; j++)
            for (int k = 0; k < p; k++) columns[k, j] = unique[j][k];
        var ms = families.Select(x => x.Z.ColumnCount * x.E.ColumnCount).ToArray();
        if (cluster?.GroupStarts is { } starts)
            return IvClusterRunMoments.Compute(d, columns, zIndex, eIndex, starts, outIndex, targets);
        int scoreSize = ms.Append(0).Max() * BlockRows;
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        // Clustered: two parts, since each holds a G x m table per family (at 1e7 rows, 625,000 clusters and m = 30
        // that is 150 MB each, against 2.4 GB for the materialised columns); by observation: m x m sums only.
        int parts = Math.Min(blocks, cluster is null ? 64 : 2);
        int levels = cluster?.Levels ?? 0;
        var partial = new double[parts][][];
        Parallel.For(0, parts, part =>
        {
            var combined = new double[u * BlockRows];
            var scores = new double[scoreSize];
            var sums = new double[f][];
            for (int k = 0; k < f; k++) sums[k] = new double[cluster is null ? ms[k] * ms[k] : levels * ms[k]];
            for (int b = (int)((long)blocks * part / parts); b < (int)((long)blocks * (part + 1) / parts); b++)
            {
                int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
                if (len <= 0) break;
                for (int j = 0; j < u; j++) IvBasis.Combine(d, columns, j, start, len, combined.AsSpan(j * BlockRows, len));
                for (int o = 0; o < outIndex.Length; o++) combined.AsSpan(outIndex[o] * BlockRows, len).CopyTo(targets[o].AsSpan(start, len));
                for (int k = 0; k < f; k++) Accumulate(combined, zIndex[k], eIndex[k], start, len, scores, sums[k], cluster);
            }
            partial[part] = sums;
        });
        var result = new double[f][,];
        for (int k = 0; k < f; k++) result[k] = Total(partial.Select(x => x[k]).ToArray(), ms[k], levels, cluster is null);
        return result;
    }

    /// <summary>Forms one family's score block s_(a·L + l) = e_a ∘ z_l for rows [start, start + len) from the combined
    /// columns and adds it into its sums.</summary>
    private static void Accumulate(double[] combined, int[] z, int[] e, int start, int len, double[] scores, double[] sums, FixedEffect? cluster)
    {
        int l = z.Length, m = l * e.Length;
        for (int a = 0; a < e.Length; a++)
            for (int k = 0; k < l; k++)
                TensorPrimitives.Multiply(combined.AsSpan(e[a] * BlockRows, len), combined.AsSpan(z[k] * BlockRows, len), scores.AsSpan((a * l + k) * BlockRows, len));
        if (cluster is null)
        {
            for (int i = 0; i < m; i++)
            {
                var si = scores.AsSpan(i * BlockRows, len);
                for (int j = i; j < m; j++) sums[i * m + j] += TensorPrimitives.Dot(si, scores.AsSpan(j * BlockRows, len));
            }
            return;
        }
        var codes = cluster.Codes;
        for (int i = 0; i < len; i++)
        {
            int row = codes[start + i] * m;
            for (int j = 0; j < m; j++) sums[row + j] += scores[i + j * BlockRows];
        }
    }

    private static double[,] Total(double[][] partial, int m, int levels, bool byObservation)
    {
        var total = new double[m, m];
        if (byObservation)
        {
            foreach (var sums in partial)
                for (int i = 0; i < m; i++)
                    for (int j = i; j < m; j++) total[i, j] += sums[i * m + j];
        }
        else
        {
            var g = partial[0];
            for (int p = 1; p < partial.Length; p++) TensorPrimitives.Add(g, partial[p], g);
            for (int c = 0; c < levels; c++)
                for (int i = 0; i < m; i++)
                {
                    double gi = g[c * m + i];
                    if (gi == 0) continue;
                    for (int j = i; j < m; j++) total[i, j] += gi * g[c * m + j];
                }
        }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < i; j++) total[i, j] = total[j, i];
        return total;
    }
}
