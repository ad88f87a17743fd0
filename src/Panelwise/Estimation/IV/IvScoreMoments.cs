using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>S = Σ_i s_i s_i' (by observation) or Σ_g s_g s_g' (one-way clusters, s_g = Σ_{i in g} s_i) for the score
/// columns s_(a·L + l) = (D E)_a ∘ (D Zc)_l of <see cref="IvBasis.Scores"/>, summed during the one pass that forms
/// them: the scores live only in a per-worker block buffer (BlockRows x m), never as n-row arrays; clustered sums go
/// into a per-part G x m table. The same S as MomentCovariance.Compute over the materialised columns, up to the order
/// of floating-point additions. Rows are split into a fixed number of parts, each summed in row order and the parts
/// added in order, so the result does not depend on the thread count.</summary>
internal static class IvScoreMoments
{
    private const int BlockRows = IvBasis.BlockRows;

    public static double[,] Compute(IReadOnlyList<double[]> d, int n, Matrix<double> zc, Matrix<double> e, FixedEffect? cluster)
    {
        int l = zc.ColumnCount, q = e.ColumnCount, m = l * q;
        var zArray = zc.ToArray();
        var eArray = e.ToArray();
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        // Clustered: two parts, since each holds a G x m table (at 1e7 rows, 625,000 clusters and m = 30 that is 150 MB
        // each, against 2.4 GB for the materialised columns); by observation: m x m sums only.
        int parts = Math.Min(blocks, cluster is null ? 64 : 2);
        int levels = cluster?.Levels ?? 0;
        var partial = new double[parts][];
        Parallel.For(0, parts, part =>
        {
            var scratch = new double[(l + 1 + m) * BlockRows];
            var sums = new double[cluster is null ? m * m : levels * m];
            for (int b = (int)((long)blocks * part / parts); b < (int)((long)blocks * (part + 1) / parts); b++)
            {
                int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
                if (len <= 0) break;
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
                    continue;
                }
                var codes = cluster.Codes;
                for (int j = 0; j < m; j++)
                {
                    var sj = scratch.AsSpan(sBase + j * BlockRows, len);
                    for (int i = 0; i < len; i++) sums[codes[start + i] * m + j] += sj[i];
                }
            }
            partial[part] = sums;
        });
        var total = new double[m, m];
        if (cluster is null)
        {
            foreach (var sums in partial)
                for (int i = 0; i < m; i++)
                    for (int j = i; j < m; j++) total[i, j] += sums[i * m + j];
        }
        else
        {
            var g = partial[0];
            for (int p = 1; p < parts; p++) TensorPrimitives.Add(g, partial[p], g);
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
