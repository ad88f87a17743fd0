namespace Panelwise.Render.Plots;

/// <summary>Colours for plot series (regression columns, trend variables) that stay distinct however many there are.
/// The first 10 are Tableau/D3 Category10 (the plots of up to ten series are unchanged), the next 10 the light
/// companions of Category20 (same source), then hues a golden angle (137.5°) apart, alternating dark and light, so
/// series 11 and beyond never repeat the colour of series 1 as Category10 alone did.</summary>
internal static class PlotPalette
{
    private static readonly string[] Category10 =
        ["1f77b4", "ff7f0e", "2ca02c", "d62728", "9467bd", "8c564b", "e377c2", "7f7f7f", "bcbd22", "17becf"];

    private static readonly string[] Category20Light =
        ["aec7e8", "ffbb78", "98df8a", "ff9896", "c5b0d5", "c49c94", "f7b6d2", "c7c7c7", "dbdb8d", "9edae5"];

    /// <summary>The colour of series <paramref name="index"/> (0-based) as red, green, blue.</summary>
    public static (byte R, byte G, byte B) Rgb(int index)
    {
        if (index < 10) return Hex(Category10[index]);
        if (index < 20) return Hex(Category20Light[index - 10]);
        int k = index - 20;
        return FromHsl(k * 137.508 % 360, 0.70, k % 2 == 0 ? 0.32 : 0.58);
    }

    public static ScottPlot.Color Color(int index)
    {
        var (r, g, b) = Rgb(index);
        return new ScottPlot.Color(r, g, b);
    }

    private static (byte, byte, byte) Hex(string hex) =>
        (Convert.ToByte(hex[..2], 16), Convert.ToByte(hex[2..4], 16), Convert.ToByte(hex[4..], 16));

    /// <summary>HSL to RGB (hue in degrees, saturation and lightness in [0, 1]), the CSS Color 3 formula.</summary>
    private static (byte, byte, byte) FromHsl(double hue, double saturation, double lightness)
    {
        double chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        double x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        double m = lightness - chroma / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0), 1 => (x, chroma, 0.0), 2 => (0.0, chroma, x),
            3 => (0.0, x, chroma), 4 => (x, 0.0, chroma), _ => (chroma, 0.0, x),
        };
        static byte Byte(double v) => (byte)Math.Round(255 * Math.Clamp(v, 0, 1));
        return (Byte(r + m), Byte(g + m), Byte(b + m));
    }
}
