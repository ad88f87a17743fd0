using Panelwise.Data;
using Panelwise.Inference;

namespace Panelwise.Methods.Descriptive;

/// <summary>Pairwise correlations as Stata's <c>pwcorr, sig</c>: each pair over the sample rows where both are
/// present; p-value from t = r √((n-2)/(1-r²)) with n - 2 degrees of freedom.</summary>
public static class Correlations
{
    public static CorrelationMatrix Compute(Frame frame, IReadOnlyList<string> variables, IReadOnlyList<bool>? sample = null)
    {
        var columns = variables.Select(v => frame.Numeric(v).Values).ToArray();
        int k = columns.Length;
        var r = new double[k, k];
        var p = new double[k, k];
        var pairs = new int[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j <= i; j++)
            {
                var (rij, n) = Pearson(columns[i], columns[j], sample);
                double pij = i == j || n < 3 ? double.NaN : PValue(rij, n);
                r[i, j] = r[j, i] = i == j && n > 0 ? 1 : rij;
                p[i, j] = p[j, i] = pij;
                pairs[i, j] = pairs[j, i] = n;
            }
        return new CorrelationMatrix(variables.ToList(), r, p, pairs);
    }

    private static (double R, int N) Pearson(double[] x, double[] y, IReadOnlyList<bool>? sample)
    {
        double sx = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
            if (Use(i, x, y, sample)) { sx += x[i]; sy += y[i]; n++; }
        if (n < 2) return (double.NaN, n);
        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!Use(i, x, y, sample)) continue;
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return (sxy / Math.Sqrt(sxx * syy), n);
    }

    private static bool Use(int i, double[] x, double[] y, IReadOnlyList<bool>? sample) =>
        (sample is null || sample[i]) && !double.IsNaN(x[i]) && !double.IsNaN(y[i]);

    private static double PValue(double r, int n)
    {
        if (double.IsNaN(r)) return double.NaN;
        if (Math.Abs(r) >= 1) return 0;
        double t = r * Math.Sqrt((n - 2) / (1 - r * r));
        return TailProbability.StudentTwoSided(t, n - 2);
    }
}
