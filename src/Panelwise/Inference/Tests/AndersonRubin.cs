using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;
using Panelwise.Results;

namespace Panelwise.Inference.Tests;

/// <summary>Anderson-Rubin (1949) test of H0: β1 = β0 for all endogenous coefficients, valid however weak the
/// instruments: regress ũ = ỹ - X̃1 β0 on Z̃1 and test the L2 coefficients. chi2 = the Wald statistic with no
/// small-sample factor (iid: σ̂² = SSR/N); F = the Wald statistic with the first-stage factor c (k = L) divided by L2,
/// F(L2, N - L - dofminus), or F(L2, G - 1) when clustered (ivreg2's arf and archi2). For one endogenous regressor the
/// confidence set {β0 : F(β0) ≤ F crit} is found by scanning β0 = b + s·tan θ over θ in (-π/2, π/2) and bisecting
/// the crossings, so unbounded and disjoint sets are reported as such.</summary>
internal static class AndersonRubin
{
    public static AndersonRubinResult Compute(IvTestContext ctx, double estimate, double scale, double level)
    {
        var s = ctx.Sample;
        var (f, chi2, df) = Statistic(ctx, Vector<double>.Build.Dense(s.K1));
        var result = new AndersonRubinResult
        {
            F = new TestStatistic("F", f, s.L2, TailProbability.FisherUpper(f, s.L2, df), df),
            Chi2 = new TestStatistic("chi2", chi2, s.L2, TailProbability.ChiSquaredUpper(chi2, s.L2)),
            Level = level,
        };
        if (s.K1 != 1) return result;
        double crit = FisherSnedecor.InvCDF(s.L2, df, level);
        double G(double b0) => Statistic(ctx, Vector<double>.Build.Dense(1, b0)).F - crit;
        return result with { ConfidenceSet = Invert(G, estimate, scale > 0 ? scale : 1) };
    }

    private static (double F, double Chi2, double Df) Statistic(IvTestContext ctx, Vector<double> beta0)
    {
        var s = ctx.Sample;
        var u = s.YTilde - s.X1Tilde * beta0.ToColumnMatrix();
        var z = s.Z1Tilde;
        var pi = Dense.Coefficients(z, u);
        var resid = u - z * pi;
        var (factor, df) = ctx.Scale(s.L);
        double wald;
        if (ctx.IsIid)
        {
            double ssrU = resid.Column(0).DotProduct(resid.Column(0));
            double ssrR = u.Column(0).DotProduct(u.Column(0));
            wald = (ssrR - ssrU) / (ssrU / s.N);
            return (wald / s.L2 * df / s.N, wald, df);
        }
        wald = ctx.RobustWald(z, resid.Column(0).ToArray(), pi, 1.0);
        return (wald / factor / s.L2, wald, df);
    }

    private static List<(double, double)> Invert(Func<double, double> g, double centre, double scale)
    {
        const int steps = 4000;
        double At(double theta) => centre + scale * Math.Tan(theta);
        var thetas = Enumerable.Range(1, steps - 1).Select(i => -Math.PI / 2 + Math.PI * i / steps).ToArray();
        var inside = thetas.Select(t => g(At(t)) <= 0).ToArray();
        var sets = new List<(double, double)>();
        double? start = inside[0] ? double.NegativeInfinity : null;
        for (int i = 1; i < thetas.Length; i++)
        {
            if (inside[i] == inside[i - 1]) continue;
            double edge = At(Bisect(t => g(At(t)), thetas[i - 1], thetas[i]));
            if (inside[i]) start = edge;
            else { sets.Add((start!.Value, edge)); start = null; }
        }
        if (start is double open) sets.Add((open, double.PositiveInfinity));
        return sets;
    }

    private static double Bisect(Func<double, double> g, double a, double b)
    {
        double ga = g(a);
        for (int i = 0; i < 80; i++)
        {
            double m = 0.5 * (a + b), gm = g(m);
            if ((gm <= 0) == (ga <= 0)) { a = m; ga = gm; } else b = m;
        }
        return 0.5 * (a + b);
    }
}
