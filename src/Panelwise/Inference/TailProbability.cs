using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Panelwise.Inference;

/// <summary>Two-sided and upper-tail p-values computed from the regularised incomplete beta function or erfc,
/// so that tiny p-values (1e-50) keep full relative precision instead of underflowing as 1 - CDF would.</summary>
public static class TailProbability
{
    /// <summary>P(|T| > |t|) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTwoSided(double t, double df)
    {
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        if (double.IsPositiveInfinity(df)) return NormalTwoSided(t);
        if (!(df > 0)) return double.NaN; // no reference distribution; callers that can meet df = 0 say so in a note
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
    }

    /// <summary>P(|Z| > |z|) for the standard normal.</summary>
    public static double NormalTwoSided(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(F > f) for Fisher's F(d1, d2).</summary>
    public static double FisherUpper(double f, double d1, double d2)
    {
        if (double.IsNaN(f) || !(d1 > 0) || !(d2 > 0)) return double.NaN;
        if (f <= 0) return 1;
        if (double.IsInfinity(f)) return 0;
        return SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
    }

    /// <summary>P(X > x) for chi-squared with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquaredUpper(double x, double df) =>
        double.IsNaN(x) || !(df > 0) ? double.NaN : x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);

    /// <summary>The 97.5% quantile used for 95% intervals: t(df), or the normal when df is infinite. With no degrees of
    /// freedom (df ≤ 0) there is no t distribution: a user error, never MathNet's "invalid parametrization".</summary>
    public static double CriticalValue(double df, double level = 0.95)
    {
        if (double.IsPositiveInfinity(df)) return Normal.InvCDF(0, 1, 0.5 + level / 2);
        if (!(df > 0)) throw Estimation.DegenerateModel.NoDegreesOfFreedom("The coefficients' confidence interval", df);
        return StudentT.InvCDF(0, 1, df, 0.5 + level / 2);
    }
}
