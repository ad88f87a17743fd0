using System.Globalization;

namespace Panelwise.Render.Tables;

/// <summary>Numbers as Stata's console output shows them: a missing value (NaN, or any non-finite one where so
/// stated) as ".", coefficients in seven significant digits or E notation when very large or small.</summary>
internal static class StataFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><paramref name="value"/> in <paramref name="format"/> (invariant), "." when not finite.</summary>
    public static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, Inv) : ".";

    /// <summary>A coefficient, standard error or bound: G7, or E4 from 1e6 up and below 1e-4; "." for NaN.</summary>
    public static string Coefficient(double v) =>
        double.IsNaN(v) ? "." : Math.Abs(v) >= 1e6 || (Math.Abs(v) < 1e-4 && v != 0) ? v.ToString("E4", Inv) : v.ToString("G7", Inv);
}
