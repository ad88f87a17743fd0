namespace Panelwise.Study;

/// <summary>An <c>interpolate</c> variable: values filled linearly between two present values of the same unit, and
/// the values left missing because they lie before a unit's first or after its last present value (never
/// extrapolated) or belong to a unit with no value at all.</summary>
public sealed record InterpolationReport(string Variable, string Source, string Unit, string Time, int Filled,
    int MissingBeforeFirst, int MissingAfterLast, int UnitsWithoutValues, int MissingInThoseUnits) : DataStepReport
{
    public override string Kind => "interpolate";

    public override string Describe() =>
        $"{Variable} = interpolate({Source}): {Count(Filled, "missing value", "missing values")} filled linearly in {Time} within {Unit}; "
        + $"left missing, not extrapolated: {MissingBeforeFirst} before a unit's first and {MissingAfterLast} after its last present value"
        + (UnitsWithoutValues > 0 ? $", and {MissingInThoseUnits} in {Count(UnitsWithoutValues, "unit", "units")} with no value" : "") + ".";
}
