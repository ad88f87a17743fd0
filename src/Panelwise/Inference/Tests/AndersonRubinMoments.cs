using Panelwise.Estimation.Moments;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>Sufficient statistics of the Anderson-Rubin regression of ũ(β0) = ỹ - X̃1 β0 on Z̃1, computed once so
/// that the statistic at any β0 costs O(L2³) and never touches the rows (issue 14).
/// With w = [ỹ X̃1] and c = [1; -β0], ũ = w c is linear in β0. One thin QR (<see cref="TallQr"/>) of [Z̃1 w] = Q [[Rzz, Rzw], [0, Rww]] gives
/// P_Z ũ = Q_z Rzw c and M_Z ũ = Q_w Rww c, so ũ'P_Z ũ = |Rzw c|², ũ'M_Z ũ = |Rww c|² and Z̃1'ũ = Rzz' Rzw c.
/// Under robust, cluster (or any covariance whose S is a sum of outer products of scores) the AR scores
/// (M_Z ũ)_i z̃_i = Σ_a c_a (M_Z w_a)_i z̃_i are linear in c too, so S(β0) = Σ_ab c_a c_b M_ab, where M is the S of the
/// (1 + K1)·L2 stacked score columns (M_Z w_a)_i z̃_il (MomentCovariance, as Gmm.MomentsOf for every other IV test).
/// Cost in passes over the rows: none for the QR (it runs on the sample's p-row coordinates, see IvSample); unless iid,
/// one pass to form the (1 + K1)·L2 score columns and the moment sum over them.</summary>
internal sealed class AndersonRubinMoments
{
    private readonly Matrix<double> _rzz, _rzw, _rww;
    private readonly Matrix<double>? _scoreMoments;

    private AndersonRubinMoments(int n, int l2, Matrix<double> rzz, Matrix<double> rzw, Matrix<double> rww, Matrix<double>? scoreMoments)
    {
        N = n;
        L2 = l2;
        _rzz = rzz;
        _rzw = rzw;
        _rww = rww;
        _scoreMoments = scoreMoments;
        if (scoreMoments is not null && rzw.ColumnCount == 2) (_g0, _g1, _s0, _s1, _s2) = ScalarForm(l2, rzz, rzw, scoreMoments);
    }

    // One endogenous regressor (c = [1, -β0]): g(β0) = g0 - β0 g1 and S(β0) = S0 - β0 S1 + β0² S2 (L2-vectors and
    // row-major L2 x L2 matrices, each symmetrised), so a β0 of the robust scan costs one L2 x L2 solve, no allocation.
    private readonly double[]? _g0, _g1, _s0, _s1, _s2;

    private static (double[], double[], double[], double[], double[]) ScalarForm(int l2, Matrix<double> rzz, Matrix<double> rzw, Matrix<double> m)
    {
        var g0 = rzz.TransposeThisAndMultiply(rzw.Column(0)).ToArray();
        var g1 = rzz.TransposeThisAndMultiply(rzw.Column(1)).ToArray();
        var s0 = new double[l2 * l2];
        var s1 = new double[l2 * l2];
        var s2 = new double[l2 * l2];
        for (int l = 0; l < l2; l++)
            for (int k = 0; k < l2; k++)
            {
                s0[l * l2 + k] = 0.5 * (m[l, k] + m[k, l]);
                s1[l * l2 + k] = 0.5 * (m[l, l2 + k] + m[l2 + l, k] + m[k, l2 + l] + m[l2 + k, l]);
                s2[l * l2 + k] = 0.5 * (m[l2 + l, l2 + k] + m[l2 + k, l2 + l]);
            }
        return (g0, g1, s0, s1, s2);
    }

    /// <summary><see cref="RobustWald"/> for one endogenous regressor at β0, from the quadratic forms above: g' S^-1 g
    /// by Gaussian elimination with partial pivoting (as MathNet's LU solve) on stack scratch. Only for K1 = 1 and a
    /// non-iid covariance.</summary>
    public double RobustWaldScalar(double beta0)
    {
        int n = L2;
        double b2 = beta0 * beta0;
        Span<double> a = n <= 24 ? stackalloc double[n * n] : new double[n * n];
        Span<double> x = n <= 24 ? stackalloc double[n] : new double[n];
        Span<double> g = n <= 24 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n * n; i++) a[i] = _s0![i] - beta0 * _s1![i] + b2 * _s2![i];
        for (int i = 0; i < n; i++) g[i] = x[i] = _g0![i] - beta0 * _g1![i];
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(a[r * n + col]) > Math.Abs(a[pivot * n + col])) pivot = r;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++) (a[col * n + c], a[pivot * n + c]) = (a[pivot * n + c], a[col * n + c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++)
            {
                double f = a[r * n + col] / d;
                if (f == 0) continue;
                for (int c = col; c < n; c++) a[r * n + c] -= f * a[col * n + c];
                x[r] -= f * x[col];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int c = i + 1; c < n; c++) s -= a[i * n + c] * x[c];
            x[i] = s / a[i * n + i];
        }
        double wald = 0;
        for (int i = 0; i < n; i++) wald += g[i] * x[i];
        return wald;
    }

    public int N { get; }
    public int L2 { get; }

    public static AndersonRubinMoments Compute(IvTestContext ctx)
    {
        var s = ctx.Sample;
        var z = s.Z1Tilde;
        int n = s.N, l2 = s.L2, p = 1 + s.K1;
        var w = Dense.Beside(s.YTilde, s.X1Tilde);
        // On the sample's coordinates (p rows, see IvSample): the QR of [Z̃1 w] costs no pass over the rows.
        var qr = new TallQr(Dense.Beside(z, w));
        var r = qr.R;
        var rzz = r.SubMatrix(0, l2, 0, l2);
        var rzw = r.SubMatrix(0, l2, l2, p);
        var rww = r.SubMatrix(l2, p, l2, p);
        if (ctx.IsIid) return new AndersonRubinMoments(n, l2, rzz, rzw, rww, null);
        // M_Z w (coordinates), then the (1 + K1)·L2 score columns (M_Z w_a)_i z̃_il in one pass over the rows.
        var residuals = ScoreResiduals(z, w);
        // The same moment sum as every other IV statistic: by cluster, or a kernel over the panel time (nw, dk).
        var moments = Matrix<double>.Build.DenseOfArray(s.ScoreMoments(z, residuals, ctx.Moments));
        return new AndersonRubinMoments(n, l2, rzz, rzw, rww, moments);
    }

    /// <summary>The score family (Z̃1, M_Z [ỹ X̃1]) whose S the robust form reads.</summary>
    public static (Matrix<double> Z, Matrix<double> E) ScoreFamily(IvSample s) =>
        (s.Z1Tilde, ScoreResiduals(s.Z1Tilde, Dense.Beside(s.YTilde, s.X1Tilde)));

    private static Matrix<double> ScoreResiduals(Matrix<double> z, Matrix<double> w) => Dense.Residualize(z, w);

    /// <summary>ũ'P_Z ũ and ũ'M_Z ũ at β0 (iid form of the statistic: Wald = N ũ'P_Z ũ / ũ'M_Z ũ).</summary>
    public (double Explained, double Residual) SumsOfSquares(Vector<double> beta0)
    {
        var c = Direction(beta0);
        var pz = _rzw * c;
        var mz = _rww * c;
        return (pz.DotProduct(pz), mz.DotProduct(mz));
    }

    /// <summary>The robust Wald statistic g' S(β0)^-1 g with g = Z̃1'ũ(β0), no small-sample factor.</summary>
    public double RobustWald(Vector<double> beta0)
    {
        var c = Direction(beta0);
        var g = _rzz.TransposeThisAndMultiply(_rzw * c);
        var m = _scoreMoments!;
        int p = c.Count;
        var sm = Matrix<double>.Build.Dense(L2, L2);
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
            {
                double w = c[a] * c[b];
                for (int l = 0; l < L2; l++)
                    for (int k = 0; k < L2; k++) sm[l, k] += w * m[a * L2 + l, b * L2 + k];
            }
        sm = (sm + sm.Transpose()) * 0.5;
        return g.DotProduct(sm.Solve(g));
    }

    /// <summary>Coefficients (A, B, C) of q(β) = A β² - 2 B β + C = ũ'P_Z ũ - κ ũ'M_Z ũ for one endogenous regressor.</summary>
    public (double A, double B, double C) IidQuadratic(double kappa)
    {
        var a = _rzw.Column(0);
        var b = _rzw.Column(1);
        var r0 = _rww.Column(0);
        var r1 = _rww.Column(1);
        return (b.DotProduct(b) - kappa * r1.DotProduct(r1), a.DotProduct(b) - kappa * r0.DotProduct(r1), a.DotProduct(a) - kappa * r0.DotProduct(r0));
    }

    private static Vector<double> Direction(Vector<double> beta0)
    {
        var c = Vector<double>.Build.Dense(beta0.Count + 1);
        c[0] = 1;
        for (int j = 0; j < beta0.Count; j++) c[j + 1] = -beta0[j];
        return c;
    }
}
