namespace Panelwise.Methods.Indices;

/// <summary>Per-indicator output of <see cref="EntropyWeights.Compute"/>: information entropy e_j, divergence
/// d_j = 1 - e_j, weight w_j, and whether the indicator was constant (all normalised values equal).</summary>
public sealed record EntropyResult(double[] Entropy, double[] Divergence, double[] Weights, bool[] Constant);
