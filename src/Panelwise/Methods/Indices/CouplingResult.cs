namespace Panelwise.Methods.Indices;

/// <summary>Per-row coupling degree C, comprehensive development index T and coupling-coordination degree D.</summary>
public sealed record CouplingResult(double[] Coupling, double[] Development, double[] Coordination);
