namespace Panelwise.Methods.Multiverse;

/// <summary>One specification's coefficient on its focal term: estimate, standard error, two-sided p-value and 95%
/// interval under the specification's covariance, and the number of observations, as <c>Regression.Fit</c> reports them.</summary>
public sealed record SpecificationEstimate(Specification Spec, string Term, double Estimate, double StdError,
    double PValue, double ConfLow, double ConfHigh, int Nobs)
{
    /// <summary>True when p &lt; <paramref name="level"/>.</summary>
    public bool Significant(double level = 0.05) => PValue < level;
}
