using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace Panelwise.Render.Plots;

/// <summary>The bundled CJK-capable font (WenQuanYi Micro Hei, Fonts/README.md), registered with ScottPlot under
/// <see cref="Name"/> so every plot draws Latin and Chinese text with the same glyphs on every machine, whatever fonts
/// the system has.</summary>
internal static class PlotFont
{
    public const string Name = "Panelwise WenQuanYi Micro Hei";

    private const string Resource = "Panelwise.Render.Fonts.wqy-microhei.ttc";

    private static readonly Lazy<SKTypeface> Typeface = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(Name, Typeface.Value));
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the font with ScottPlot (once per process) and returns its name.</summary>
    public static string Ensure() => Registered.Value ? Name : Name;

    private static SKTypeface Load()
    {
        using var stream = typeof(PlotFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The plot font resource {Resource} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        var data = SKData.Create(stream);
        return SKTypeface.FromData(data, 0) ?? throw new InvalidOperationException("The bundled plot font could not be loaded.");
    }
}
