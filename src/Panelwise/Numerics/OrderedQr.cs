namespace Panelwise.Numerics;

/// <summary>Householder QR of a tall matrix given as columns, processed in the caller's order. A column whose
/// norm left after projecting out the earlier kept columns is at most <c>tolerance</c> times its reference norm
/// is declared collinear and skipped, so the later of two collinear regressors is dropped, as Stata's
/// <c>_rmcoll</c> and R's <c>lm</c> (LINPACK dqrdc2 with limited pivoting) do.</summary>
public sealed class OrderedQr
{
    private readonly double[][] _v;      // Householder vectors of the kept columns (full length)
    private readonly double[] _beta;

    private OrderedQr(double[][] v, double[] beta, double[,] r, int[] kept, int[] dropped, int rows)
    {
        _v = v;
        _beta = beta;
        R = r;
        Kept = kept;
        Dropped = dropped;
        Rows = rows;
    }

    /// <summary>Upper-triangular factor of the kept columns (Kept.Length square).</summary>
    public double[,] R { get; }

    /// <summary>Indices of the columns kept, in order.</summary>
    public int[] Kept { get; }

    /// <summary>Indices of the columns declared collinear.</summary>
    public int[] Dropped { get; }

    public int Rows { get; }

    /// <summary>Factors the columns (they are copied, not modified).</summary>
    public static OrderedQr Factor(IReadOnlyList<double[]> columns, ReadOnlySpan<double> referenceNorms, double tolerance)
    {
        int p = columns.Count;
        int n = p == 0 ? 0 : columns[0].Length;
        var work = new double[p][];
        for (int j = 0; j < p; j++) work[j] = (double[])columns[j].Clone();
        var vs = new List<double[]>();
        var betas = new List<double>();
        var kept = new List<int>();
        var dropped = new List<int>();
        var rDiag = new List<double>();
        for (int j = 0; j < p; j++)
        {
            var a = work[j];
            for (int k = 0; k < vs.Count; k++) Reflect(vs[k], betas[k], k, a);
            int row = kept.Count;
            double norm = Norm(a.AsSpan(row));
            double reference = referenceNorms.IsEmpty ? Norm(columns[j]) : referenceNorms[j];
            if (row >= n || norm <= tolerance * reference || norm == 0)
            {
                dropped.Add(j);
                continue;
            }
            double alpha = a[row] > 0 ? -norm : norm;
            var v = new double[n];
            v[row] = a[row] - alpha;
            for (int i = row + 1; i < n; i++) v[i] = a[i];
            double vtv = v[row] * v[row] + (norm * norm - a[row] * a[row]);
            double beta = vtv > 0 ? 2.0 / vtv : 0;
            a[row] = alpha;
            for (int i = row + 1; i < n; i++) a[i] = 0;
            vs.Add(v);
            betas.Add(beta);
            kept.Add(j);
            rDiag.Add(alpha);
        }
        int q = kept.Count;
        var r = new double[q, q];
        for (int c = 0; c < q; c++)
        {
            var col = work[kept[c]];
            for (int rr = 0; rr <= c; rr++) r[rr, c] = col[rr];
        }
        return new OrderedQr(vs.ToArray(), betas.ToArray(), r, kept.ToArray(), dropped.ToArray(), n);
    }

    /// <summary>Least-squares coefficients of <paramref name="y"/> on the kept columns.</summary>
    public double[] Solve(ReadOnlySpan<double> y)
    {
        var qty = y.ToArray();
        for (int k = 0; k < _v.Length; k++) Reflect(_v[k], _beta[k], k, qty);
        return BackSubstitute(qty);
    }

    /// <summary>Q'a in place.</summary>
    public void ApplyQTranspose(double[] a)
    {
        for (int k = 0; k < _v.Length; k++) Reflect(_v[k], _beta[k], k, a);
    }

    /// <summary>Qa in place.</summary>
    public void ApplyQ(double[] a)
    {
        for (int k = _v.Length - 1; k >= 0; k--) Reflect(_v[k], _beta[k], k, a);
    }

    /// <summary>Solves R'u = g (forward substitution).</summary>
    public double[] SolveTransposed(ReadOnlySpan<double> g)
    {
        int q = Kept.Length;
        var u = new double[q];
        for (int i = 0; i < q; i++)
        {
            double s = g[i];
            for (int k = 0; k < i; k++) s -= R[k, i] * u[k];
            u[i] = s / R[i, i];
        }
        return u;
    }

    /// <summary>Solves R x = c (back substitution).</summary>
    public double[] SolveUpper(double[] c) => BackSubstitute(c);

    /// <summary>(R'R)^-1 = (X'X)^-1 of the kept columns.</summary>
    public double[,] InverseCrossProduct()
    {
        int q = Kept.Length;
        var rinv = new double[q, q];
        for (int c = 0; c < q; c++)
        {
            rinv[c, c] = 1.0 / R[c, c];
            for (int rr = c - 1; rr >= 0; rr--)
            {
                double s = 0;
                for (int k = rr + 1; k <= c; k++) s += R[rr, k] * rinv[k, c];
                rinv[rr, c] = -s / R[rr, rr];
            }
        }
        var result = new double[q, q];
        for (int i = 0; i < q; i++)
            for (int j = i; j < q; j++)
            {
                double s = 0;
                for (int k = j; k < q; k++) s += rinv[i, k] * rinv[j, k];
                result[i, j] = s;
                result[j, i] = s;
            }
        return result;
    }

    private double[] BackSubstitute(double[] qty)
    {
        int q = Kept.Length;
        var b = new double[q];
        for (int i = q - 1; i >= 0; i--)
        {
            double s = qty[i];
            for (int k = i + 1; k < q; k++) s -= R[i, k] * b[k];
            b[i] = s / R[i, i];
        }
        return b;
    }

    private static void Reflect(double[] v, double beta, int start, double[] a)
    {
        double dot = 0;
        for (int i = start; i < a.Length; i++) dot += v[i] * a[i];
        double s = beta * dot;
        if (s == 0) return;
        for (int i = start; i < a.Length; i++) a[i] -= s * v[i];
    }

    private static double Norm(ReadOnlySpan<double> a)
    {
        double scale = 0, ssq = 1;
        foreach (double x in a)
        {
            if (x == 0) continue;
            double ax = Math.Abs(x);
            if (scale < ax) { ssq = 1 + ssq * (scale / ax) * (scale / ax); scale = ax; }
            else ssq += (ax / scale) * (ax / scale);
        }
        return scale * Math.Sqrt(ssq);
    }
}
