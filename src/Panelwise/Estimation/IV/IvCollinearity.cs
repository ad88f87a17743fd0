using Panelwise.Numerics;

namespace Panelwise.Estimation.IV;

/// <summary>Ordered rank decisions (ivreg2's _rmcoll: a column is dropped when its norm left after the earlier kept
/// columns is at most tolerance × its reference norm) on subsets of one fixed set of n-row columns: the regressors,
/// the instruments after the exogenous regressors, and each endogenous regressor after the kept instruments.
/// Small samples (n ≤ <see cref="LeastSquares.QrRowLimit"/>, as the OLS path) use the ordered Householder QR on
/// each subset (<see cref="OrderedQr"/>: full-length copies, one pass per column and subset). Larger ones form the
/// Gram matrix of all columns once (one blocked pass, <see cref="CrossProduct"/>) and take every decision from an
/// ordered Cholesky of its sub-block (<see cref="OrderedCholesky"/>, the same rule on the normal equations); a subset
/// whose kept columns keep less than 1e-8 of their within squared norm after the earlier ones (normal equations
/// untrustworthy: they square the condition number) falls back to the QR, as <see cref="LeastSquares.Fit"/> does.
/// Cost in passes over the rows: one (Gram), plus the QR fallback only for ill-conditioned subsets. The Gram also
/// gives the sample's D'D (<see cref="CrossProducts"/>), the first of the two passes of its QR.</summary>
internal sealed class IvCollinearity
{
    /// <summary>Smallest share of a kept column's squared norm left after the earlier ones for the Gram decisions to
    /// be trusted (LeastSquares uses the same bound).</summary>
    private const double NormalEquationsMinRatio = 1e-8;

    private readonly IReadOnlyList<double[]> _columns;
    private readonly double[,]? _gram;

    private IvCollinearity(IReadOnlyList<double[]> columns, double[,]? gram)
    {
        _columns = columns;
        _gram = gram;
    }

    /// <summary>Decisions over <paramref name="columns"/>; <paramref name="useGram"/> null chooses by row count.</summary>
    public static IvCollinearity For(IReadOnlyList<double[]> columns, int n, bool? useGram = null) =>
        new(columns, useGram ?? n > LeastSquares.QrRowLimit ? CrossProduct.Gram(columns, null) : null);

    /// <summary>Positions (within <paramref name="subset"/>) kept and dropped, in order, for the columns
    /// <paramref name="subset"/> judged against <paramref name="referenceNorms"/> (one per subset entry).</summary>
    public (int[] Kept, int[] Dropped) Decide(IReadOnlyList<int> subset, IReadOnlyList<double> referenceNorms, double tolerance)
    {
        if (_gram is not null)
        {
            int p = subset.Count;
            var g = new double[p, p];
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) g[i, j] = _gram[subset[i], subset[j]];
            var chol = OrderedCholesky.Factor(g, referenceNorms.Select(r => r * r).ToArray(), tolerance);
            bool trusted = true;
            for (int q = 0; q < chol.Kept.Length && trusted; q++)
                trusted = chol.L[q, q] * chol.L[q, q] >= NormalEquationsMinRatio * g[chol.Kept[q], chol.Kept[q]];
            if (trusted) return (chol.Kept, chol.Dropped);
        }
        var qr = OrderedQr.Factor(subset.Select(i => _columns[i]).ToList(), referenceNorms.ToArray(), tolerance);
        return (qr.Kept, qr.Dropped);
    }

    /// <summary>The cross products of the columns <paramref name="order"/> in that order, read off the Gram matrix; null
    /// when the decisions use the QR (small samples), which forms none.</summary>
    public double[,]? CrossProducts(IReadOnlyList<int> order)
    {
        if (_gram is null) return null;
        var g = new double[order.Count, order.Count];
        for (int i = 0; i < order.Count; i++)
            for (int j = 0; j < order.Count; j++) g[i, j] = _gram[order[i], order[j]];
        return g;
    }

    /// <summary>Raw (uncentred) norm of column <paramref name="index"/>.</summary>
    public double RawNorm(int index)
    {
        if (_gram is not null) return Math.Sqrt(Math.Max(0, _gram[index, index]));
        double s = 0;
        foreach (double v in _columns[index]) s += v * v;
        return Math.Sqrt(s);
    }
}
