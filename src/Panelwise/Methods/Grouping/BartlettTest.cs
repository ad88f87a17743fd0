namespace Panelwise.Methods.Grouping;

/// <summary>Bartlett's test of sphericity (H0: the correlation matrix is the identity).</summary>
public sealed record BartlettTest(double ChiSquare, int DegreesOfFreedom, double PValue);
