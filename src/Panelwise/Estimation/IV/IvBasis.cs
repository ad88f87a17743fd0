using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>The n-row work of the IV path, done in a bounded number of blocked passes over the sample's columns
/// D = [W Z1 X1 y] (n x p, p small) and nothing else (issue 14):
/// <list type="bullet">
/// <item><see cref="Factor"/>: the R of a thin QR D = Q R by CholeskyQR2 (Yamamoto et al. 2015; Fukaya et al. 2014):
/// R1 = chol(D'D), then R2 = chol(Q1'Q1) with Q1 = D R1^-1 formed block by block and never stored, R = R2 R1.
/// Two read passes (one when D'D is already known); Q is orthonormal to machine precision whenever cond(D) is below about 1e7 (the first Cholesky
/// succeeds), as Householder QR. When the first Cholesky meets a (near-)zero pivot, the columns are factored by the
/// Gram-Schmidt <see cref="TallQr"/> instead (2p passes), which keeps its exact-collinearity convention (R_jj = 0).</item>
/// <item><see cref="Rows"/>: columns D C for a p x m combination C, one pass (residuals, fitted values).</item>
/// <item><see cref="Scores"/>: the score columns (D e_a)_i (D z_l)_i, one pass.</item>
/// </list>
/// Rows go in fixed blocks summed in block order, so results do not depend on the thread count.</summary>
internal static class IvBasis
{
    internal const int BlockRows = 4096;

    /// <summary>R of D = Q R; <paramref name="crossProducts"/>, when given, is D'D (saving the first pass).</summary>
    public static Matrix<double> Factor(IReadOnlyList<double[]> d, int n, double[,]? crossProducts = null)
    {
        int p = d.Count;
        var g1 = crossProducts ?? Gram(d, n, null);
        var r1 = Cholesky(g1);
        if (r1 is null) return FallbackQr(d, n);
        var r1Inverse = UpperInverse(r1);
        var g2 = Gram(d, n, r1Inverse);
        var r2 = Cholesky(g2);
        if (r2 is null) return FallbackQr(d, n);
        var r = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++)
            {
                double s = 0;
                for (int k = i; k <= j; k++) s += r2[i, k] * r1[k, j];
                r[i, j] = s;
            }
        return Matrix<double>.Build.DenseOfArray(r);
    }

    /// <summary>Columns D C (n rows each) for the p x m combination C.</summary>
    public static double[][] Rows(IReadOnlyList<double[]> d, int n, Matrix<double> c)
    {
        int m = c.ColumnCount;
        var result = new double[m][];
        for (int j = 0; j < m; j++) result[j] = new double[n];
        var coefficients = c.ToArray();
        ForBlocks(n, (start, len) =>
        {
            for (int j = 0; j < m; j++) Combine(d, coefficients, j, start, len, result[j].AsSpan(start, len));
        });
        return result;
    }

    /// <summary>Score columns s_(a·L + l) = (D E)_a ∘ (D Zc)_l for the p x q residual combinations E and the p x L
    /// instrument combinations Zc (the vec ordering of an L x q matrix).</summary>
    public static List<double[]> Scores(IReadOnlyList<double[]> d, int n, Matrix<double> zc, Matrix<double> e)
    {
        int l = zc.ColumnCount, q = e.ColumnCount;
        var result = new List<double[]>(q * l);
        for (int j = 0; j < q * l; j++) result.Add(new double[n]);
        var zArray = zc.ToArray();
        var eArray = e.ToArray();
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        // One scratch block per worker (a fresh one per row block would be a large-object allocation each time).
        Parallel.For(0, blocks, () => new double[(l + 1) * BlockRows], (b, _, scratch) =>
        {
            int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
            if (len <= 0) return scratch;
            var eBlock = scratch.AsSpan(l * BlockRows, len);
            for (int k = 0; k < l; k++) Combine(d, zArray, k, start, len, scratch.AsSpan(k * BlockRows, len));
            for (int a = 0; a < q; a++)
            {
                Combine(d, eArray, a, start, len, eBlock);
                for (int k = 0; k < l; k++)
                    TensorPrimitives.Multiply(eBlock, scratch.AsSpan(k * BlockRows, len), result[a * l + k].AsSpan(start, len));
            }
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>Solves R c = v for each column of <paramref name="v"/> (back substitution; a zero pivot gives 0): the
    /// combination of the data columns whose coordinates in Q are v.</summary>
    public static Matrix<double> DataSpace(Matrix<double> r, Matrix<double> v)
    {
        int p = r.RowCount;
        var c = Matrix<double>.Build.Dense(p, v.ColumnCount);
        for (int col = 0; col < v.ColumnCount; col++)
            for (int i = p - 1; i >= 0; i--)
            {
                if (r[i, i] == 0) continue;
                double s = v[i, col];
                for (int k = i + 1; k < p; k++) s -= r[i, k] * c[k, col];
                c[i, col] = s / r[i, i];
            }
        return c;
    }

    internal static void Combine(IReadOnlyList<double[]> d, double[,] c, int j, int start, int len, Span<double> target)
    {
        target.Clear();
        for (int k = 0; k < d.Count; k++)
            if (c[k, j] != 0) TensorPrimitives.MultiplyAdd(d[k].AsSpan(start, len), c[k, j], target, target);
    }

    /// <summary>D'D, or (D T)'(D T) for an upper-triangular T, in fixed row blocks (deterministic sum order).</summary>
    private static double[,] Gram(IReadOnlyList<double[]> d, int n, double[,]? t)
    {
        int p = d.Count;
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        int parts = Math.Min(blocks, 64);
        var partial = new double[parts][,];
        Parallel.For(0, parts, part =>
        {
            var sums = new double[p, p];
            var buffer = t is null ? null : new double[p * BlockRows];
            for (int b = (int)((long)blocks * part / parts); b < (int)((long)blocks * (part + 1) / parts); b++)
            {
                int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
                if (len <= 0) break;
                if (buffer is not null)
                    for (int j = 0; j < p; j++)
                    {
                        var target = buffer.AsSpan(j * BlockRows, len);
                        target.Clear();
                        for (int k = 0; k <= j; k++)
                            if (t![k, j] != 0) TensorPrimitives.MultiplyAdd(d[k].AsSpan(start, len), t[k, j], target, target);
                    }
                for (int i = 0; i < p; i++)
                {
                    ReadOnlySpan<double> xi = buffer is null ? d[i].AsSpan(start, len) : buffer.AsSpan(i * BlockRows, len);
                    for (int j = i; j < p; j++)
                        sums[i, j] += TensorPrimitives.Dot(xi, buffer is null ? d[j].AsSpan(start, len) : buffer.AsSpan(j * BlockRows, len));
                }
            }
            partial[part] = sums;
        });
        var total = new double[p, p];
        foreach (var sums in partial)
            for (int i = 0; i < p; i++)
                for (int j = i; j < p; j++) total[i, j] += sums[i, j];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) total[i, j] = total[j, i];
        return total;
    }

    /// <summary>Upper Cholesky factor R (G = R'R); null when a pivot is not clearly positive (relative 1e-13 of the
    /// diagonal: below that the first pass of CholeskyQR2 cannot restore orthogonality) or not finite.</summary>
    private static double[,]? Cholesky(double[,] g)
    {
        int p = g.GetLength(0);
        var r = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double s = g[j, j];
            for (int k = 0; k < j; k++) s -= r[k, j] * r[k, j];
            if (!(s > 1e-13 * g[j, j]) || !double.IsFinite(s)) return null;
            r[j, j] = Math.Sqrt(s);
            for (int i = j + 1; i < p; i++)
            {
                double v = g[j, i];
                for (int k = 0; k < j; k++) v -= r[k, j] * r[k, i];
                r[j, i] = v / r[j, j];
            }
        }
        return r;
    }

    private static double[,] UpperInverse(double[,] r)
    {
        int p = r.GetLength(0);
        var inv = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            inv[j, j] = 1 / r[j, j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0;
                for (int k = i + 1; k <= j; k++) s += r[i, k] * inv[k, j];
                inv[i, j] = -s / r[i, i];
            }
        }
        return inv;
    }

    private static Matrix<double> FallbackQr(IReadOnlyList<double[]> d, int n) =>
        new TallQr(d.Count == 0 ? Matrix<double>.Build.Dense(n, 0) : Matrix<double>.Build.DenseOfColumnArrays(d)).R;

    private static void ForBlocks(int n, Action<int, int> body)
    {
        int blocks = Math.Max(1, (n + BlockRows - 1) / BlockRows);
        Parallel.For(0, blocks, b =>
        {
            int start = b * BlockRows, len = Math.Min(BlockRows, n - start);
            if (len > 0) body(start, len);
        });
    }
}
