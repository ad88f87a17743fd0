using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Panelwise.Render.Plots;

/// <summary>A built plot and its size in pixels; <see cref="Write"/> saves it as PNG and SVG.</summary>
public sealed partial class PlotImage(Plot plot, int width, int height)
{
    public Plot Plot { get; } = plot;
    public int Width { get; } = width;
    public int Height { get; } = height;

    public byte[] Png() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The SVG text. Skia numbers clip paths with a process-wide counter, so the ids are renumbered in order
    /// of appearance (cl_1, cl_2, ...): the same plot gives the same text in any process and at any point in it.</summary>
    public string Svg()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(Plot.GetSvgXml(Width, Height), m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = $"cl_{ids.Count + 1}";
            return id;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial Regex ClipId();

    /// <summary>Writes <c>NAME.png</c> and <c>NAME.svg</c> to <paramref name="directory"/> and returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, name + ".png"), svg = Path.Combine(directory, name + ".svg");
        File.WriteAllBytes(png, Png());
        File.WriteAllText(svg, Svg(), new UTF8Encoding(false));
        return [png, svg];
    }
}
