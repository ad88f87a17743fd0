using ScottPlot;

namespace Panelwise.Render.Plots;

/// <summary>The look shared by all plots: the bundled font everywhere (axes, ticks, title, legend) and a plain white
/// background, so output does not depend on the machine.</summary>
internal static class PlotStyle
{
    public static void Apply(Plot plot, string font)
    {
        plot.Font.Set(font);
        plot.Legend.FontName = font;
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
    }
}
