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
/// The same S as MomentCovariance.Compute over the materialised columns, up to the order of floating-point additions.
/// Rows are split into a fixed number of parts, each summed in row order and the parts added in order, so the result
/// does not depend on the thread count.</summary>
internal static class IvScoreMoments
{
    private const int BlockRows = IvBasis.BlockRows;

    public static double[,] Compute(IReadOnlyList<double[]> d, int n, Matrix<double> zc, Matrix<double> e, FixedEffect? cluster) =>
        Compute(d, n, [(zc, e)], cluster)[0];

    /// <summary>S of each family (Zc_f, E_f), all from one pass over the rows.</summary>
    public static double[][,] Compute(IReadOnlyList<double[]> d, int n, IReadOnlyList<(Matrix<double> Z, Matrix<double> E)> families, FixedEffect? cluster)
    {
        int f = families.Count;
        var zArrays = families.Select(x => x.Z.ToArray()).ToArray();
        var eArrays = families.Select(x => x.E.ToArray()).ToArray();
        var ls = families.Select(x => x.Z.ColumnCount).ToArray();
        var qs = families.Select(x => x.E.ColumnCount).ToArray();
        var ms = families.Select(x => x.Z.ColumnCount * x.E.ColumnCount).ToArray();
        int scratchSize = families.Max(x => x.Z.ColumnCount + 1 + x.Z.ColumnCount * x.E.ColumnCount) * BlockRows;
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        // Clustered: two parts, since each holds a G x m table per family (at 1e7 rows, 625,000 clusters and m = 30
        // that is 150 MB each, against 2.4 GB for the materialised columns); by observation: m x m sums only.
        int parts = Math.Min(blocks, cluster is null ? 64 : 2);
        int levels = cluster?.Levels ?? 0;
        var partial = new double[parts][][];
        Parallel.For(0, parts, part =>
        {
            var scratch = new double[scratchSize];
            var sums = new double[f][];
            for (int k = 0; k < f; k++) sums[k] = new double[cluster is null ? ms[k] * ms[k] : levels * ms[k]];
            for (int b = (int)((long)blocks * part / parts); b < (int)((long)blocks * (part + 1) / parts); b++)
            {
                int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
                if (len <= 0) break;
                for (int k = 0; k < f; k++) Accumulate(d, zArrays[k], eArrays[k], ls[k], qs[k], start, len, scratch, sums[k], cluster);
            }
            partial[part] = sums;
        });
        var result = new double[f][,];
        for (int k = 0; k < f; k++) result[k] = Total(partial.Select(p => p[k]).ToArray(), ms[k], levels, cluster is null);
        return result;
    }

    /// <summary>Forms one family's score block for rows [start, start + len) and adds it into its sums.</summary>
    private static void Accumulate(IReadOnlyList<double[]> d, double[,] zArray, double[,] eArray, int l, int q, int start, int len,
        double[] scratch, double[] sums, FixedEffect? cluster)
    {
        int m = l * q;
        var eBlock = scratch.AsSpan(l * BlockRows, len);
        int sBase = (l + 1) * BlockRows;
        for (int k = 0; k < l; k++) IvBasis.Combine(d, zArray, k, start, len, scratch.AsSpan(k * BlockRows, len));
        for (int a = 0; a < q; a++)
        {
            IvBasis.Combine(d, eArray, a, start, len, eBlock);
            for (int k = 0; k < l; k++)
                TensorPrimitives.Multiply(eBlock, scratch.AsSpan(k * BlockRows, len), scratch.AsSpan(sBase + (a * l + k) * BlockRows, len));
        }
        if (cluster is null)
        {
            for (int i = 0; i < m; i++)
            {
                var si = scratch.AsSpan(sBase + i * BlockRows, len);
                for (int j = i; j < m; j++) sums[i * m + j] += TensorPrimitives.Dot(si, scratch.AsSpan(sBase + j * BlockRows, len));
            }
            return;
        }
        var codes = cluster.Codes;
        for (int i = 0; i < len; i++)
        {
            int row = codes[start + i] * m, at = sBase + i;
            for (int j = 0; j < m; j++) sums[row + j] += scratch[at + j * BlockRows];
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
