namespace Panelwise.Methods.Indices;

/// <summary>A node of the indicator hierarchy (the index itself, a dimension or a sub-dimension). It holds either
/// child nodes or indicators, never both, and becomes one new data column named <see cref="Name"/>.</summary>
public sealed record IndexNode
{
    /// <summary>The name of the new column.</summary>
    public required string Name { get; init; }

    /// <summary>Display name (any script).</summary>
    public string? Label { get; init; }

    /// <summary>How this node weights its children.</summary>
    public WeightingMethod Method { get; init; } = WeightingMethod.Entropy;

    public Aggregation Aggregation { get; init; } = Aggregation.WeightedSum;

    /// <summary>Weight of this node inside its parent when the parent's method is <see cref="WeightingMethod.Fixed"/>.</summary>
    public double? Weight { get; init; }

    public IReadOnlyList<IndexNode> Children { get; init; } = [];

    public IReadOnlyList<IndicatorSpec> Indicators { get; init; } = [];

    /// <summary>Where the node was declared (e.g. "spec.yaml line 3"), for error messages.</summary>
    public string? Origin { get; init; }

    /// <summary>The label when given, otherwise the name.</summary>
    public string DisplayName => Label ?? Name;
}
