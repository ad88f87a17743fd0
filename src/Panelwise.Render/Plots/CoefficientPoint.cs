namespace Panelwise.Render.Plots;

/// <summary>One marker of a coefficient plot: a term's estimate and 95% interval (Low, High) in the table's 0-based
/// column Column.</summary>
public sealed record CoefficientPoint(string Term, int Column, double Estimate, double Low, double High);
