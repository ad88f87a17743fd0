using System.Globalization;
using Panelwise.Data.Transforms;

namespace Panelwise.Study;

/// <summary>A <c>convert</c> variable: the present values of <see cref="Source"/> turned from one unit into another
/// (x * multiplier / divisor, <see cref="MeasurementUnits"/>).</summary>
public sealed record ConversionReport(string Variable, string Source, string From, string To, double Multiplier, double Divisor,
    int Converted, int Missing) : DataStepReport
{
    public override string Kind => "convert";

    public override string Describe() =>
        $"{Variable} = convert({Source}, {From} -> {To}): {Count(Converted, "value", "values")} "
        + (Divisor != 1 ? $"divided by {Num(Divisor)}" : $"multiplied by {Num(Multiplier)}") + $" ({Missing} missing stay missing).";

    private static string Num(double v) => v.ToString("G15", CultureInfo.InvariantCulture);
}
