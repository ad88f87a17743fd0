namespace Panelwise.Methods.Indices;

/// <summary>A complete composite-index specification: the hierarchy, the normalisation, and the panel layout
/// needed for per-year references and interpolation. Usable directly or loaded from YAML.</summary>
public sealed record IndexSpec
{
    public required IndexNode Root { get; init; }

    public NormalisationOptions Normalisation { get; init; } = new();

    public WeightingScope Scope { get; init; } = WeightingScope.Hierarchical;

    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Error;

    /// <summary>The unit identifier column; needed for interpolation.</summary>
    public string? UnitColumn { get; init; }

    /// <summary>The time column; needed for per-year or base-year references and interpolation.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Where the spec came from (a file path), for error messages.</summary>
    public string? Source { get; init; }
}
