using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Panelwise.Numerics;

/// <summary>The result of <see cref="LeastSquares.Fit"/>: which columns were kept, their coefficients, the bread
/// (X'WX)^-1 of the kept columns, and the unweighted residuals y - Xb.</summary>
public sealed class LeastSquaresFit
{
    private LeastSquaresFit(int[] kept, int[] dropped, double[] beta, double[,] bread, double[] residuals, string method)
    {
        Kept = kept;
        Dropped = dropped;
        Coefficients = beta;
        Bread = bread;
        Residuals = residuals;
        Method = method;
    }

    public int[] Kept { get; }
    public int[] Dropped { get; }
    public double[] Coefficients { get; }
    public double[,] Bread { get; }
    public double[] Residuals { get; }
    public string Method { get; }

    internal static LeastSquaresFit Create(IReadOnlyList<double[]> columns, double[] y, int[] kept, int[] dropped,
        double[] beta, double[,] bread, string method, int threads, double[]? into = null)
    {
        int n = y.Length;
        // Each row reads y before writing its residual, so into may be y itself.
        var residuals = into ?? new double[n];
        var keptColumns = kept.Select(k => columns[k]).ToArray();
        const int block = 8192;
        int blocks = (n + block - 1) / block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (b) =>
        {
            int start = b * block, length = Math.Min(n, start + block) - start;
            var r = residuals.AsSpan(start, length);
            if (!ReferenceEquals(residuals, y)) y.AsSpan(start, length).CopyTo(r);
            // SIMD r -= b_k x_k per column while the block stays in cache (the JIT does not vectorise the scalar loop).
            for (int k = 0; k < keptColumns.Length; k++)
                TensorPrimitives.MultiplyAdd(keptColumns[k].AsSpan(start, length), -beta[k], r, r);
        });
        return new LeastSquaresFit(kept, dropped, beta, bread, residuals, method);
    }
}
