namespace Panelwise.Numerics;

/// <summary>Least squares by QR with iterative refinement of the augmented system [I A; A' 0][r; x] = [b; 0]
/// (Björck 1967), residuals of the refinement accumulated in compensated (twice-working) precision. Refining r
/// together with x is what keeps large-residual ill-conditioned problems (NIST Wampler4/5) accurate; refining x
/// alone does not.</summary>
internal static class AugmentedRefinement
{
    private const int Rounds = 3;

    public static double[] Solve(OrderedQr qr, double[][] a, double[] b)
    {
        int n = b.Length, q = a.Length;
        var qtb = (double[])b.Clone();
        qr.ApplyQTranspose(qtb);
        var x = qr.SolveUpper(qtb[..q]);
        var r = (double[])qtb.Clone();
        for (int i = 0; i < q; i++) r[i] = 0;
        qr.ApplyQ(r);
        var f = new double[n];
        var g = new double[q];
        for (int round = 0; round < Rounds; round++)
        {
            for (int i = 0; i < n; i++)
            {
                var acc = new CompensatedSum(b[i]);
                acc.Add(-r[i]);
                for (int k = 0; k < q; k++) acc.AddProduct(-a[k][i], x[k]);
                f[i] = acc.Value;
            }
            for (int k = 0; k < q; k++)
            {
                var acc = new CompensatedSum(0);
                var ak = a[k];
                for (int i = 0; i < n; i++) acc.AddProduct(-ak[i], r[i]);
                g[k] = acc.Value;
            }
            qr.ApplyQTranspose(f);
            var u = qr.SolveTransposed(g);
            var c = new double[q];
            for (int k = 0; k < q; k++) c[k] = f[k] - u[k];
            var dx = qr.SolveUpper(c);
            for (int k = 0; k < q; k++) f[k] = u[k];
            qr.ApplyQ(f);
            for (int k = 0; k < q; k++) x[k] += dx[k];
            for (int i = 0; i < n; i++) r[i] += f[i];
        }
        return x;
    }

    /// <summary>Sum with an error term (TwoSum, TwoProduct by fused multiply-add): about twice double precision.</summary>
    private struct CompensatedSum(double start)
    {
        private double _sum = start;
        private double _error;

        public readonly double Value => _sum + _error;

        public void Add(double v)
        {
            double t = _sum + v;
            double bp = t - _sum;
            _error += (_sum - (t - bp)) + (v - bp);
            _sum = t;
        }

        public void AddProduct(double a, double b)
        {
            double p = a * b;
            _error += Math.FusedMultiplyAdd(a, b, -p);
            Add(p);
        }
    }
}
