namespace Panelwise.Methods.Indices;

/// <summary>One line of the weights table papers print: the weight of <see cref="Child"/> (an indicator column or a
/// sub-node name) inside <see cref="Node"/>, with the entropy e_j and divergence d_j when the entropy method set it.</summary>
/// <param name="Node">The parent node's name.</param>
/// <param name="Child">The indicator column or child node name.</param>
/// <param name="Label">The display label of the child.</param>
/// <param name="Direction">"+" or "-" for indicators; null for child nodes.</param>
/// <param name="Method">The parent's weighting method ("fixed", "equal", "entropy", "critic").</param>
/// <param name="Entropy">e_j (entropy method only).</param>
/// <param name="Divergence">d_j = 1 - e_j (entropy method only).</param>
/// <param name="Weight">The weight within the parent (flat scope: the weight within the whole index).</param>
/// <param name="GlobalWeight">The product of the weights on the path from the index down to this child.</param>
/// <param name="IsIndicator">True for indicators, false for sub-nodes.</param>
public sealed record WeightRow(string Node, string Child, string Label, string? Direction, string Method,
    double? Entropy, double? Divergence, double Weight, double GlobalWeight, bool IsIndicator);
