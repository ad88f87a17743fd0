namespace Panelwise.Absorb.Internal;

/// <summary>Cholesky of a small symmetric positive semi-definite matrix with redundant rows detected (pivot at most
/// 1e-10 of its diagonal) and their unknowns fixed at zero: any solution of a consistent singular system gives the
/// same projection.</summary>
internal sealed class SmallCholesky
{
    private const double RelativePivotTolerance = 1e-10;
    private readonly double[,] _l;
    private readonly bool[] _kept;

    private SmallCholesky(double[,] l, bool[] kept)
    {
        _l = l;
        _kept = kept;
    }

    public static SmallCholesky Factor(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        var kept = new bool[n];
        for (int j = 0; j < n; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++) if (kept[k]) d -= l[j, k] * l[j, k];
            if (d <= RelativePivotTolerance * a[j, j] || d <= 0) continue;
            kept[j] = true;
            double root = Math.Sqrt(d);
            l[j, j] = root;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) if (kept[k]) s -= l[i, k] * l[j, k];
                l[i, j] = s / root;
            }
        }
        return new SmallCholesky(l, kept);
    }

    public double[] Solve(double[] rhs)
    {
        var x = new double[rhs.Length];
        Solve(rhs, x, new double[rhs.Length]);
        return x;
    }

    /// <summary>Allocation-free solve for iterative callers (a preconditioner applied every iteration).</summary>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> x, Span<double> z)
    {
        int n = rhs.Length;
        for (int i = 0; i < n; i++)
        {
            z[i] = 0;
            if (!_kept[i]) continue;
            double s = rhs[i];
            for (int k = 0; k < i; k++) if (_kept[k]) s -= _l[i, k] * z[k];
            z[i] = s / _l[i, i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            x[i] = 0;
            if (!_kept[i]) continue;
            double s = z[i];
            for (int k = i + 1; k < n; k++) if (_kept[k]) s -= _l[k, i] * x[k];
            x[i] = s / _l[i, i];
        }
    }
}
