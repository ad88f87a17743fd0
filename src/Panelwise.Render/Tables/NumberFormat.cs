using System.Globalization;

namespace Panelwise.Render.Tables;

/// <summary>Fixed-decimal invariant formatting shared by the builders, so every format shows the same digits.</summary>
internal static class NumberFormat
{
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value)) return "";
        if (double.IsInfinity(value)) return value > 0 ? "Inf" : "-Inf";
        string text = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        // A tiny negative rounds to "-0.000", which reads as a sign error in a paper.
        return text.TrimStart('-').All(c => c == '0' || c == '.') ? text.TrimStart('-') : text;
    }

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
