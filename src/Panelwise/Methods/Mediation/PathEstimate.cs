namespace Panelwise.Methods.Mediation;

/// <summary>One coefficient of a mediation equation (or the indirect effect with its delta-method standard error).</summary>
public sealed record PathEstimate(double Estimate, double StdError, double PValue)
{
    /// <summary>The path's t (or z) statistic, estimate / standard error.</summary>
    public double Statistic => Estimate / StdError;
}
