using System.Numerics.Tensors;

namespace Panelwise.Estimation.IV;

/// <summary>The clustered S = Σ_g s_g s_g' of <see cref="IvScoreMoments"/> when every cluster is one run of rows
/// (codes 0, 0, 1, 1, 1, 2, ...: a panel sorted by the cluster unit, <see cref="Absorb.FixedEffect.GroupStarts"/>).
/// Each cluster's score sum s_g[a·L + l] = Σ_{i in g} e_a,i z_l,i is a dot product over its run of the combined
/// columns, added into s_g s_g' as soon as the run ends: no G x m table per family (150 MB per part at 1e7 rows and
/// 625,000 clusters) and no scatter by cluster code. Clusters are split into a fixed number of ranges summed in order
/// and added in order, so the result does not depend on the thread count; rows go in blocks of
/// <see cref="IvBasis.BlockRows"/> (a cluster that crosses a block boundary keeps its partial sum).</summary>
internal static class IvClusterRunMoments
{
    private const int BlockRows = IvBasis.BlockRows;

    /// <summary>Fixed number of cluster ranges (not the thread count, so that the sums do not depend on it).</summary>
    private const int Parts = 8;

    /// <param name="d">The data columns.</param>
    /// <param name="columns">p x u data combinations, each formed once per block.</param>
    /// <param name="z">Per family, the combination index of each instrument column.</param>
    /// <param name="e">Per family, the combination index of each residual column.</param>
    /// <param name="starts">First row of each cluster, then n.</param>
    /// <param name="outputs">Combination indices written to <paramref name="targets"/>.</param>
    /// <param name="targets">The n-row columns the outputs are written into.</param>
    public static double[][,] Compute(IReadOnlyList<double[]> d, double[,] columns, int[][] z, int[][] e, int[] starts,
        int[] outputs, IReadOnlyList<double[]> targets)
    {
        int f = z.Length, u = columns.GetLength(1), g = starts.Length - 1;
        var ms = Enumerable.Range(0, f).Select(k => z[k].Length * e[k].Length).ToArray();
        int blocks = (starts[g] + BlockRows - 1) / BlockRows;
        // Few parts: each allocates its block of combined columns (u x BlockRows, ~0.6 MB for the bench model), and 64 of
        // them cost more than the arithmetic at 1e6 rows; eight keep two to four cores busy.
        int parts = Math.Max(1, Math.Min(g, Math.Min(blocks, Parts)));
        var partial = new double[parts][][];
        Parallel.For(0, parts, part =>
        {
            var combined = new double[u * BlockRows];
            var sums = ms.Select(m => new double[m * m]).ToArray();
            var score = ms.Select(m => new double[m]).ToArray();
            int first = (int)((long)g * part / parts), last = (int)((long)g * (part + 1) / parts);
            int rowEnd = starts[last];
            int c = first;
            for (int start = starts[first]; start < rowEnd; start += BlockRows)
            {
                int len = Math.Min(BlockRows, rowEnd - start);
                for (int j = 0; j < u; j++) IvBasis.Combine(d, columns, j, start, len, combined.AsSpan(j * BlockRows, len));
                for (int o = 0; o < outputs.Length; o++) combined.AsSpan(outputs[o] * BlockRows, len).CopyTo(targets[o].AsSpan(start, len));
                int lo = start;
                while (lo < start + len)
                {
                    int hi = Math.Min(starts[c + 1], start + len);
                    for (int k = 0; k < f; k++) AddRun(combined, z[k], e[k], lo - start, hi - lo, score[k]);
                    if (hi == starts[c + 1])
                    {
                        for (int k = 0; k < f; k++) AddOuter(score[k], sums[k]);
                        c++;
                    }
                    lo = hi;
                }
            }
            partial[part] = sums;
        });
        var result = new double[f][,];
        for (int k = 0; k < f; k++)
        {
            int m = ms[k];
            var total = new double[m, m];
            foreach (var sums in partial)
                for (int i = 0; i < m; i++)
                    for (int j = i; j < m; j++) total[i, j] += sums[k][i * m + j];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < i; j++) total[i, j] = total[j, i];
            result[k] = total;
        }
        return result;
    }

    /// <summary>Adds Σ e_a z_l over the rows [offset, offset + len) of the block into the cluster's score sum.</summary>
    private static void AddRun(double[] combined, int[] z, int[] e, int offset, int len, double[] score)
    {
        int l = z.Length;
        for (int a = 0; a < e.Length; a++)
        {
            var ea = combined.AsSpan(e[a] * BlockRows + offset, len);
            for (int k = 0; k < l; k++) score[a * l + k] += TensorPrimitives.Dot(ea, combined.AsSpan(z[k] * BlockRows + offset, len));
        }
    }

    /// <summary>Adds s s' (upper triangle) into the sums and clears s for the next cluster.</summary>
    private static void AddOuter(double[] score, double[] sums)
    {
        int m = score.Length;
        for (int i = 0; i < m; i++)
        {
            double si = score[i];
            if (si != 0)
                for (int j = i; j < m; j++) sums[i * m + j] += si * score[j];
        }
        Array.Clear(score);
    }
}
