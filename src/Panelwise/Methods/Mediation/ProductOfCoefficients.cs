using Panelwise.Inference;

namespace Panelwise.Methods.Mediation;

/// <summary>Tests of an indirect effect a·b from the two coefficients and their standard errors (MacKinnon et al.
/// 2002, Psychological Methods 7(1), table 1): Sobel (1982) SE² = b²s_a² + a²s_b²; Aroian (1947) adds s_a²s_b²;
/// Goodman (1960) subtracts it. z = a·b/SE with a two-sided normal p-value.</summary>
public static class ProductOfCoefficients
{
    public static double SobelVariance(double a, double sa, double b, double sb) => b * b * sa * sa + a * a * sb * sb;

    public static ProductTest Sobel(double a, double sa, double b, double sb) => Test(a * b, SobelVariance(a, sa, b, sb));

    public static ProductTest Aroian(double a, double sa, double b, double sb) => Test(a * b, SobelVariance(a, sa, b, sb) + sa * sa * sb * sb);

    public static ProductTest Goodman(double a, double sa, double b, double sb) => Test(a * b, SobelVariance(a, sa, b, sb) - sa * sa * sb * sb);

    /// <summary>z = estimate/√variance; NaN when the variance is not positive.</summary>
    public static ProductTest Test(double estimate, double variance)
    {
        double z = variance > 0 ? estimate / Math.Sqrt(variance) : double.NaN;
        return new ProductTest(z, TailProbability.NormalTwoSided(z));
    }
}
