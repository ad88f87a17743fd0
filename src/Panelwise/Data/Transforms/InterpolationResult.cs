namespace Panelwise.Data.Transforms;

/// <summary>What <see cref="VariableTransforms.Interpolate"/> did: the filled column, the values filled linearly
/// between two present values of a unit, and the values left missing before a unit's first or after its last present
/// value (never extrapolated) or in units with no value at all.</summary>
public sealed record InterpolationResult(NumericColumn Column, int Filled, int MissingBeforeFirst, int MissingAfterLast,
    int UnitsWithoutValues, int MissingInThoseUnits);
