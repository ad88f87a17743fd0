using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Panelwise.Numerics;

/// <summary>X'WX and X'Wy for tall column sets: rows in 4096-row blocks (measured fastest on this machine kind),
/// blocks in parallel, each block's pairwise dot products by SIMD TensorPrimitives.Dot.</summary>
public static class CrossProduct
{
    private const int BlockRows = 4096;

    /// <summary>The Gram matrix of <paramref name="columns"/> (weighted by <paramref name="weights"/> when given).</summary>
    public static double[,] Gram(IReadOnlyList<double[]> columns, double[]? weights, int threads = 0)
    {
        int p = columns.Count;
        int n = p == 0 ? 0 : columns[0].Length;
        int blocks = (n + BlockRows - 1) / BlockRows;
        var total = new double[p, p];
        object gate = new();
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount },
            () => (Sums: new double[p, p], Scratch: weights is null ? null : new double[BlockRows]),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] (b, _, local) =>
            {
                int start = b * BlockRows;
                int len = Math.Min(BlockRows, n - start);
                for (int i = 0; i < p; i++)
                {
                    ReadOnlySpan<double> xi = columns[i].AsSpan(start, len);
                    if (local.Scratch is not null)
                    {
                        var wx = local.Scratch.AsSpan(0, len);
                        TensorPrimitives.Multiply(xi, weights.AsSpan(start, len), wx);
                        xi = wx;
                    }
                    for (int j = i; j < p; j++) local.Sums[i, j] += TensorPrimitives.Dot(xi, columns[j].AsSpan(start, len));
                }
                return local;
            },
            local =>
            {
                lock (gate)
                    for (int i = 0; i < p; i++)
                        for (int j = i; j < p; j++) total[i, j] += local.Sums[i, j];
            });
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) total[i, j] = total[j, i];
        return total;
    }
}
