namespace Panelwise.Results;

/// <summary>A Wald F test: statistic, numerator and denominator degrees of freedom, p-value.</summary>
public sealed record WaldTest(double Statistic, double Df1, double Df2, double PValue)
{
    /// <summary>The Wald chi-squared form of the test, W = q·F with q = <see cref="Df1"/> restrictions (reported under
    /// large-sample conventions, where the p-value is from chi2(q)).</summary>
    public double ChiSquared => Statistic * Df1;
}
