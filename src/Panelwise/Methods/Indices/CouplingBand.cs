namespace Panelwise.Methods.Indices;

/// <summary>One grade of the customary ten-band scale for the coupling-coordination degree D, covering
/// [<see cref="Lower"/>, <see cref="Upper"/>) (the top band includes 1).</summary>
public sealed record CouplingBand(double Lower, double Upper, string Name, string ChineseName);
