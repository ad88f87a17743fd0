namespace Panelwise.Methods.Mediation;

/// <summary>A z test of the indirect effect a·b: z = a·b / SE, two-sided normal p-value.</summary>
public sealed record ProductTest(double Z, double PValue);
