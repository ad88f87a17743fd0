namespace Panelwise.Methods.Mediation;

/// <summary>One coefficient of a mediation equation (or the indirect effect with its delta-method standard error).</summary>
public sealed record PathEstimate(double Estimate, double StdError, double PValue);
