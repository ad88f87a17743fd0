using Panelwise.Absorb;

namespace Panelwise.Tests.Absorb;

/// <summary>Reference for the solvers: the residual of the weighted least-squares regression of x on every dummy of
/// every effect (the dummy-variable regression, LSDV), by Gram-Schmidt with reorthogonalisation in the W inner product;
/// a dummy that is (numerically) a combination of earlier ones is skipped, as a rank-revealing solve would.</summary>
internal static class DummyProjection
{
    public static double[] Residual(IReadOnlyList<FixedEffect> effects, double[]? w, double[] x)
    {
        var basis = Basis(effects, w, x.Length);
        var r = (double[])x.Clone();
        for (int pass = 0; pass < 2; pass++)
            foreach (var q in basis) Axpy(-Dot(q, r, w), q, r);
        return r;
    }

    /// <summary>The rank of all the dummies together.</summary>
    public static int Rank(IReadOnlyList<FixedEffect> effects) => Basis(effects, null, effects[0].Codes.Length).Count;

    private static List<double[]> Basis(IReadOnlyList<FixedEffect> effects, double[]? w, int n)
    {
        var basis = new List<double[]>();
        foreach (var fe in effects)
            for (int l = 0; l < fe.Levels; l++)
            {
                var d = new double[n];
                for (int i = 0; i < n; i++) d[i] = fe.Codes[i] == l ? 1 : 0;
                double before = Math.Sqrt(Dot(d, d, w));
                for (int pass = 0; pass < 2; pass++)
                    foreach (var q in basis) Axpy(-Dot(q, d, w), q, d);
                double norm = Math.Sqrt(Dot(d, d, w));
                if (norm <= 1e-9 * before) continue;
                for (int i = 0; i < n; i++) d[i] /= norm;
                basis.Add(d);
            }
        return basis;
    }

    private static double Dot(double[] a, double[] b, double[]? w)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (w is null ? 1 : w[i]) * a[i] * b[i];
        return s;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }
}
