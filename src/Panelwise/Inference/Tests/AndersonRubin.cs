using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation;

namespace Panelwise.Inference.Tests;

/// <summary>Anderson-Rubin (1949) test of H0: β1 = β0 for all endogenous coefficients, valid however weak the
/// instruments: regress ũ = ỹ - X̃1 β0 on Z̃1 and test the L2 coefficients. chi2 = the Wald statistic with no
/// small-sample factor (iid: σ̂² = SSR/N); F = the Wald statistic with the first-stage factor c (k = L) divided by L2,
/// F(L2, N - L - dofminus), or F(L2, G - 1) when clustered (ivreg2's arf and archi2).
/// Every β0 is evaluated from <see cref="AndersonRubinMoments"/>, computed once (a bounded number of passes over the
/// rows, however many β0 are tried). For one endogenous regressor the confidence set {β0 : F(β0) ≤ F crit} is, under iid
/// errors, the solution of the quadratic inequality ũ'P_Z ũ - κ ũ'M_Z ũ ≤ 0 with κ = crit·L2/df, solved in closed form:
/// a bounded interval, the union of two rays, the whole line or empty (Dufour and Taamouti 2005; Mikusheva 2010).
/// Under robust or cluster errors F(β0) is a ratio of quadratics with a matrix inverse, so the set is found by scanning
/// β0 = b + s·tan θ over θ in (-π/2, π/2) and bisecting the crossings (on the moments, not the rows), so unbounded and
/// disjoint sets are reported as such.</summary>
internal static class AndersonRubin
{
    public static AndersonRubinResult Compute(IvTestContext ctx, double estimate, double scale, double level)
    {
        var s = ctx.Sample;
        // With no more clusters (or, for Driscoll-Kraay, periods) than tested moments, S(β0) = Σ_g s_g s_g' cannot be
        // inverted meaningfully: with G = L2 the Wald statistic is G at every β0, and below that S is singular.
        if (ctx.IsClustered && ctx.MinClusters <= s.L2)
            throw DegenerateModel.SingularMoments("The Anderson-Rubin test");
        var moments = AndersonRubinMoments.Compute(ctx);
        var (f, chi2, df) = Statistic(ctx, moments, Vector<double>.Build.Dense(s.K1));
        // Two-way clustering (V_A + V_B - V_AB) can make S indefinite: a negative Wald statistic has no distribution.
        if (!(chi2 >= 0) || s.K1 == 1 && !(Statistic(ctx, moments, Vector<double>.Build.Dense(1, estimate)).Chi2 >= 0))
            throw DegenerateModel.SingularMoments("The Anderson-Rubin test");
        var result = new AndersonRubinResult
        {
            F = new TestStatistic("F", f, s.L2, TailProbability.FisherUpper(f, s.L2, df), df),
            Chi2 = new TestStatistic("chi2", chi2, s.L2, TailProbability.ChiSquaredUpper(chi2, s.L2)),
            Level = level,
        };
        if (s.K1 != 1) return result;
        double crit = FisherSnedecor.InvCDF(s.L2, df, level);
        if (ctx.IsIid) return result with { ConfidenceSet = QuadraticSet(moments.IidQuadratic(crit * s.L2 / df)) };
        // The scan's β0 from the scalar quadratic forms (no allocation per point); F as in Statistic.
        double factor = ctx.Scale(s.L).Factor;
        double G(double b0) => moments.RobustWaldScalar(b0) / factor / s.L2 - crit;
        return result with { ConfidenceSet = Invert(G, estimate, scale > 0 ? scale : 1) };
    }

    private static (double F, double Chi2, double Df) Statistic(IvTestContext ctx, AndersonRubinMoments m, Vector<double> beta0)
    {
        var (factor, df) = ctx.Scale(ctx.Sample.L);
        if (ctx.IsIid)
        {
            var (explained, residual) = m.SumsOfSquares(beta0);
            double wald = explained / (residual / m.N);
            return (wald / m.L2 * df / m.N, wald, df);
        }
        double robust = m.RobustWald(beta0);
        return (robust / factor / m.L2, robust, df);
    }

    /// <summary>{β : Aβ² - 2Bβ + C ≤ 0} as intervals, with the roots in the cancellation-free form q = B + sign(B)√disc,
    /// roots C/q and q/A.</summary>
    internal static List<(double, double)> QuadraticSet((double A, double B, double C) quadratic)
    {
        var (a, b, c) = quadratic;
        double disc = b * b - a * c;
        if (a == 0)
        {
            // Linear: -2Bβ + C ≤ 0.
            if (b == 0) return c <= 0 ? [(double.NegativeInfinity, double.PositiveInfinity)] : [];
            double root = c / (2 * b);
            return b > 0 ? [(root, double.PositiveInfinity)] : [(double.NegativeInfinity, root)];
        }
        if (disc < 0) return a > 0 ? [] : [(double.NegativeInfinity, double.PositiveInfinity)];
        double q = b + (b >= 0 ? 1 : -1) * Math.Sqrt(disc);
        double r1 = q / a, r2 = q != 0 ? c / q : r1;
        double low = Math.Min(r1, r2), high = Math.Max(r1, r2);
        return a > 0 ? [(low, high)] : [(double.NegativeInfinity, low), (high, double.PositiveInfinity)];
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
