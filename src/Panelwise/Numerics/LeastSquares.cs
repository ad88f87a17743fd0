namespace Panelwise.Numerics;

/// <summary>Weighted least squares with in-order rank detection. Small problems (and ill-conditioned large ones)
/// use Householder QR with two steps of iterative refinement, which keeps NIST's hardest certified cases
/// (Filip, Wampler) to 7+ digits; large well-conditioned problems use blocked parallel normal equations.</summary>
public static class LeastSquares
{
    /// <summary>Rows up to which QR is always used.</summary>
    public const int QrRowLimit = 200_000;

    /// <summary>Normal equations are trusted only when every kept column keeps at least this share of its squared
    /// norm after the earlier columns (condition number of the scaled Gram matrix roughly below 1e8).</summary>
    private const double NormalEquationsMinRatio = 1e-8;

    /// <summary>Fits y on the columns. <paramref name="referenceNorms"/> (per column, optional) are the norms that
    /// collinearity is judged against, e.g. a column's norm before fixed effects were absorbed. The residuals go into
    /// <paramref name="residuals"/> when given (it may be y itself, which is then overwritten), else a new array.
    /// <paramref name="gram"/>, when given, is the (weighted) Gram matrix of [columns..., y] already computed, e.g.
    /// as a block of several models' shared one (<see cref="NeedsGram"/> says when it would be used).</summary>
    public static LeastSquaresFit Fit(IReadOnlyList<double[]> columns, double[] y, double[]? weights,
        double[]? referenceNorms, double tolerance, int threads = 0, double[]? residuals = null, double[,]? gram = null)
    {
        int n = y.Length;
        if (NeedsGram(n, columns.Count))
        {
            gram ??= CrossProduct.Gram([.. columns, y], weights, threads);
            int p = columns.Count;
            var xx = new double[p, p];
            var xy = new double[p];
            for (int i = 0; i < p; i++)
            {
                xy[i] = gram[i, p];
                for (int j = 0; j < p; j++) xx[i, j] = gram[i, j];
            }
            double[]? refSq = referenceNorms?.Select(r => r * r).ToArray();
            var chol = OrderedCholesky.Factor(xx, refSq, tolerance);
            if (chol.SmallestRatio >= NormalEquationsMinRatio)
            {
                var rhs = chol.Kept.Select(k => xy[k]).ToArray();
                var beta = chol.Solve(rhs);
                return LeastSquaresFit.Create(columns, y, chol.Kept, chol.Dropped, beta, chol.Inverse(), "normal equations (Cholesky)", threads, residuals);
            }
        }
        return FitByQr(columns, y, weights, referenceNorms, tolerance, threads, residuals);
    }

    /// <summary>True when a fit of <paramref name="rows"/> rows on <paramref name="columns"/> columns starts from the
    /// normal equations (large problems), so a precomputed Gram matrix saves it a pass over the data.</summary>
    public static bool NeedsGram(int rows, int columns) => rows > QrRowLimit && columns > 0;

    private static LeastSquaresFit FitByQr(IReadOnlyList<double[]> columns, double[] y, double[]? weights,
        double[]? referenceNorms, double tolerance, int threads, double[]? residuals)
    {
        int n = y.Length;
        double[]? sw = weights?.Select(Math.Sqrt).ToArray();
        var scaled = sw is null ? columns : columns.Select(c => Multiply(c, sw)).ToList();
        var ys = sw is null ? y : Multiply(y, sw);
        double[]? refs = referenceNorms;
        if (refs is not null && sw is not null)
            refs = null; // weighted: judge against the weighted column norms themselves
        var qr = OrderedQr.Factor(scaled, refs, tolerance);
        var kept = qr.Kept.Select(k => scaled[k]).ToArray();
        var beta = AugmentedRefinement.Solve(qr, kept, ys);
        return LeastSquaresFit.Create(columns, y, qr.Kept, qr.Dropped, beta, qr.InverseCrossProduct(), "Householder QR", threads, residuals);
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var r = new double[a.Length];
        for (int i = 0; i < a.Length; i++) r[i] = a[i] * b[i];
        return r;
    }
}
