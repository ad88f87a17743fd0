using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Small dense-matrix steps shared by the IV estimators and their tests. Tall matrices are n x p with p small;
/// least-squares steps use an orthogonal QR (<see cref="TallQr"/>, not normal equations) so that projections keep full
/// precision.</summary>
internal static class Dense
{
    public static Matrix<double> Columns(IReadOnlyList<double[]> columns, int rows) =>
        columns.Count == 0 ? Matrix<double>.Build.Dense(rows, 0) : Matrix<double>.Build.DenseOfColumnArrays(columns);

    /// <summary>[A B] side by side (either may have no columns).</summary>
    public static Matrix<double> Beside(Matrix<double> a, Matrix<double> b) =>
        a.ColumnCount == 0 ? b.Clone() : b.ColumnCount == 0 ? a.Clone() : a.Append(b);

    /// <summary>P_A B = A (A'A)^-1 A'B, the fitted values of B on A (zero when A has no columns).</summary>
    public static Matrix<double> Project(Matrix<double> a, Matrix<double> b) =>
        a.ColumnCount == 0 ? Matrix<double>.Build.Dense(b.RowCount, b.ColumnCount) : new TallQr(a).Project(b);

    /// <summary>M_A B = B - P_A B.</summary>
    public static Matrix<double> Residualize(Matrix<double> a, Matrix<double> b) => b - Project(a, b);

    /// <summary>Least-squares coefficients (A'A)^-1 A'B.</summary>
    public static Matrix<double> Coefficients(Matrix<double> a, Matrix<double> b) => new TallQr(a).Solve(b);

    /// <summary>A'B for tall A and B (n rows): SIMD dot products over the column-major storage, one pass per pair of
    /// columns (MathNet's managed product walks rows with stride n).</summary>
    public static Matrix<double> Cross(Matrix<double> a, Matrix<double> b)
    {
        int n = a.RowCount;
        var av = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var bv = b.AsColumnMajorArray() ?? b.ToColumnMajorArray();
        var result = Matrix<double>.Build.Dense(a.ColumnCount, b.ColumnCount);
        for (int i = 0; i < a.ColumnCount; i++)
            for (int j = 0; j < b.ColumnCount; j++)
                result[i, j] = System.Numerics.Tensors.TensorPrimitives.Dot(new ReadOnlySpan<double>(av, i * n, n), new ReadOnlySpan<double>(bv, j * n, n));
        return result;
    }

    /// <summary>C + A M for tall A (n x p) and small M (p x m), C n x m or null (zero): SIMD multiply-adds by column.</summary>
    public static Matrix<double> Times(Matrix<double> a, Matrix<double> m, Matrix<double>? c = null, double sign = 1)
    {
        int n = a.RowCount;
        var av = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var result = c is null ? new double[n * m.ColumnCount] : (double[])(c.AsColumnMajorArray() ?? c.ToColumnMajorArray()).Clone();
        for (int j = 0; j < m.ColumnCount; j++)
        {
            var target = result.AsSpan(j * n, n);
            for (int k = 0; k < a.ColumnCount; k++)
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(new ReadOnlySpan<double>(av, k * n, n), sign * m[k, j], target, target);
        }
        return Matrix<double>.Build.Dense(n, m.ColumnCount, result);
    }

    /// <summary>Y - X B for tall X and Y.</summary>
    public static Matrix<double> Residual(Matrix<double> y, Matrix<double> x, Matrix<double> b) => Times(x, b, y, -1);

    public static Matrix<double> Column(double[] v) => Matrix<double>.Build.DenseOfColumnArrays(v);

    /// <summary>Inverse of a symmetric positive-definite matrix, symmetrised against rounding.</summary>
    public static Matrix<double> SymmetricInverse(Matrix<double> m)
    {
        var inv = CholeskyOf(m).Solve(Matrix<double>.Build.DenseIdentity(m.RowCount));
        return (inv + inv.Transpose()) * 0.5;
    }

    /// <summary>Cholesky factorisation; a matrix the sample makes singular or indefinite (most often the clustered
    /// moment covariance S) is a typed user error naming the cause, not MathNet's "Matrix must be positive definite".</summary>
    public static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> CholeskyOf(Matrix<double> m)
    {
        if (m.Enumerate().Any(v => !double.IsFinite(v)))
            throw DegenerateModel.SingularMatrix("An IV step", "a cross-product or moment matrix has non-finite entries (overflow in the data or a degenerate sample).");
        try { return m.Cholesky(); }
        catch (ArgumentException)
        {
            throw DegenerateModel.SingularMoments("An IV step");
        }
    }

    /// <summary>The symmetric square root V D^1/2 V' of a symmetric positive semi-definite matrix.</summary>
    public static Matrix<double> SymmetricSqrt(Matrix<double> m)
    {
        var evd = m.Evd(Symmetricity.Symmetric);
        var d = Matrix<double>.Build.DenseOfDiagonalArray(evd.EigenValues.Select(e => Math.Sqrt(Math.Max(e.Real, 0))).ToArray());
        return evd.EigenVectors * d * evd.EigenVectors.Transpose();
    }

    /// <summary>Smallest eigenvalue of A^-1 B for symmetric A (positive definite) and B: with A = LL',
    /// the eigenvalues of L^-1 B L^-T, which is symmetric.</summary>
    public static double[] GeneralisedEigenvalues(Matrix<double> a, Matrix<double> b)
    {
        var l = CholeskyOf(a).Factor;
        var li = l.Inverse();
        var c = li * b * li.Transpose();
        c = (c + c.Transpose()) * 0.5;
        return c.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).OrderBy(e => e).ToArray();
    }

    public static double[] ColumnArray(Matrix<double> m, int j) => m.Column(j).ToArray();

    /// <summary>Columns of <paramref name="m"/> as arrays.</summary>
    public static List<double[]> ColumnArrays(Matrix<double> m) => Enumerable.Range(0, m.ColumnCount).Select(j => m.Column(j).ToArray()).ToList();

    /// <summary>Scores s_i = v_i (x) z_i, column j*L + l = v_ij z_il (vec ordering of an L x K matrix).</summary>
    public static List<double[]> KroneckerScores(Matrix<double> v, Matrix<double> z)
    {
        int n = v.RowCount, k = v.ColumnCount, l = z.ColumnCount;
        var s = new List<double[]>(k * l);
        var vv = v.AsColumnMajorArray() ?? v.ToColumnMajorArray();
        var zv = z.AsColumnMajorArray() ?? z.ToColumnMajorArray();
        for (int j = 0; j < k; j++)
            for (int m = 0; m < l; m++)
            {
                var col = new double[n];
                System.Numerics.Tensors.TensorPrimitives.Multiply(new ReadOnlySpan<double>(vv, j * n, n), new ReadOnlySpan<double>(zv, m * n, n), col);
                s.Add(col);
            }
        return s;
    }

    public static Matrix<double> FromArray(double[,] a) => Matrix<double>.Build.DenseOfArray(a);
}
