namespace Panelwise.Methods.Indices;

/// <summary>Per-indicator output of <see cref="CriticWeights.Compute"/>: contrast intensity sigma_j, conflict
/// sum_k (1 - r_jk), information C_j = sigma_j x conflict_j, weight w_j, and whether the indicator was constant.</summary>
public sealed record CriticResult(double[] StdDev, double[] Conflict, double[] Information, double[] Weights, bool[] Constant);
