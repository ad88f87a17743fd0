namespace Panelwise.Methods.Indices;

/// <summary>One raw indicator: a numeric data column and its direction.</summary>
public sealed record IndicatorSpec
{
    /// <summary>The data column.</summary>
    public required string Column { get; init; }

    public Direction Direction { get; init; } = Direction.Positive;

    /// <summary>Display name (any script, e.g. Chinese); the column name when null.</summary>
    public string? Label { get; init; }

    /// <summary>Unit of measurement, for the printed table only.</summary>
    public string? Unit { get; init; }

    /// <summary>Weight when the parent node's method is <see cref="WeightingMethod.Fixed"/>.</summary>
    public double? Weight { get; init; }

    /// <summary>Where the indicator was declared (e.g. "spec.yaml line 12"), for error messages.</summary>
    public string? Origin { get; init; }
}
