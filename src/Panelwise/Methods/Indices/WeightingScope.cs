namespace Panelwise.Methods.Indices;

/// <summary>Whether weights are found level by level or once over all indicators.</summary>
public enum WeightingScope
{
    /// <summary>Each node weights its own children with its own method; a node's score is the aggregation of its
    /// children's scores, so weights of each level sum to 1.</summary>
    Hierarchical,

    /// <summary>The root's method weights all indicators in one pass (seed 003 applies the entropy method to all 15
    /// indicators; seed 000 publishes 24 global weights). A dimension's score is the sum of w_j x'_ij over its own
    /// indicators, so dimension scores add up to the index.</summary>
    Flat,
}
