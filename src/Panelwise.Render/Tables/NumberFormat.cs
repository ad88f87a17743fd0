using System.Globalization;

namespace Panelwise.Render.Tables;

/// <summary>Invariant number formats per statistic, shared by the builders so every format shows the same digits:
/// estimates in fixed decimals (significant digits when a nonzero value would print as 0.000), counts as integers
/// with thousands separators, p-values with "&lt;0.001" below the smallest printable value.</summary>
internal static class NumberFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value)) return "";
        if (double.IsInfinity(value)) return value > 0 ? "Inf" : "-Inf";
        string text = value.ToString("F" + decimals, Inv);
        // A tiny negative rounds to "-0.000", which reads as a sign error in a paper.
        return text.TrimStart('-').All(c => c == '0' || c == '.') ? text.TrimStart('-') : text;
    }

    /// <summary>A coefficient or standard error: <paramref name="decimals"/> decimals, or, when a nonzero value would
    /// print as 0.000, as many decimals as give it <paramref name="decimals"/> significant digits (0.0000123);
    /// scientific notation below 1e-9.</summary>
    public static string Estimate(double value, int decimals)
    {
        string text = Fixed(value, decimals);
        if (value == 0 || !double.IsFinite(value) || text.Any(c => c is >= '1' and <= '9')) return text;
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        int needed = Math.Max(decimals, 1) - 1 - magnitude;
        return needed > 10 ? value.ToString("0.##E+0", Inv) : value.ToString("F" + needed, Inv);
    }

    /// <summary>A p-value: "&lt;0.001" (at three decimals) when it would print as zero.</summary>
    public static string PValue(double p, int decimals)
    {
        if (double.IsNaN(p)) return "";
        double smallest = Math.Pow(10, -decimals);
        return p < smallest ? "<" + smallest.ToString("F" + decimals, Inv) : Fixed(p, decimals);
    }

    /// <summary>A count with thousands separators: 375,218.</summary>
    public static string Count(long value) => value.ToString("N0", Inv);

    /// <summary>A number inside a note's sentence: four significant digits (cut points, bounds), no trailing zeros.</summary>
    public static string Note(double value) => double.IsFinite(value) ? value.ToString("G4", Inv) : value.ToString(Inv);
}
