using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Small dense-matrix steps shared by the IV estimators and their tests. Tall matrices are n x p with p small;
/// least-squares steps use Householder QR (not normal equations) so that projections keep full precision.</summary>
internal static class Dense
{
    public static Matrix<double> Columns(IReadOnlyList<double[]> columns, int rows) =>
        columns.Count == 0 ? Matrix<double>.Build.Dense(rows, 0) : Matrix<double>.Build.DenseOfColumnArrays(columns);

    /// <summary>[A B] side by side (either may have no columns).</summary>
    public static Matrix<double> Beside(Matrix<double> a, Matrix<double> b) =>
        a.ColumnCount == 0 ? b.Clone() : b.ColumnCount == 0 ? a.Clone() : a.Append(b);

    /// <summary>P_A B = A (A'A)^-1 A'B, the fitted values of B on A (zero when A has no columns).</summary>
    public static Matrix<double> Project(Matrix<double> a, Matrix<double> b) =>
        a.ColumnCount == 0 ? Matrix<double>.Build.Dense(b.RowCount, b.ColumnCount) : a * a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Solve(b);

    /// <summary>M_A B = B - P_A B.</summary>
    public static Matrix<double> Residualize(Matrix<double> a, Matrix<double> b) => b - Project(a, b);

    /// <summary>Least-squares coefficients (A'A)^-1 A'B.</summary>
    public static Matrix<double> Coefficients(Matrix<double> a, Matrix<double> b) =>
        a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Solve(b);

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
            throw DegenerateModel.SingularMatrix("An IV step", DegenerateModel.SingularMomentsCause);
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
        for (int j = 0; j < k; j++)
            for (int m = 0; m < l; m++)
            {
                var col = new double[n];
                for (int i = 0; i < n; i++) col[i] = v[i, j] * z[i, m];
                s.Add(col);
            }
        return s;
    }

    public static Matrix<double> FromArray(double[,] a) => Matrix<double>.Build.DenseOfArray(a);
}
