using ScottPlot;
using SkiaSharp;

namespace Panelwise.Render.Plots;

/// <summary>Answers ScottPlot's font requests for one name with one loaded typeface (regular only: bold and italic
/// requests get the same face, which keeps the output independent of system font synthesis).</summary>
internal sealed class EmbeddedFontResolver(string name, SKTypeface typeface) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, name, StringComparison.Ordinal) ? typeface : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, name, StringComparison.Ordinal) ? typeface : null;
}
