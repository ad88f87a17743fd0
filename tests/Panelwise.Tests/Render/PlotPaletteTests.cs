using Panelwise.Render.Plots;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>Issue 17 item 7: plot colours stay distinct past ten series (Category10 alone gave series 11 the colour of
/// series 1), and plots of up to ten series keep their Category10 colours.</summary>
public class PlotPaletteTests
{
    [Fact]
    public void Forty_series_get_forty_clearly_different_colours()
    {
        var colours = Enumerable.Range(0, 40).Select(PlotPalette.Rgb).ToList();
        static double Distance((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) =>
            Math.Sqrt(Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2));
        for (int i = 0; i < colours.Count; i++)
            for (int j = i + 1; j < colours.Count; j++)
                Assert.True(Distance(colours[i], colours[j]) >= 20, $"series {i + 1} and {j + 1}: {colours[i]} vs {colours[j]}");
    }

    [Fact]
    public void The_first_ten_are_scottplots_category10()
    {
        var category10 = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < 10; i++) Assert.Equal(category10.GetColor(i).ToHex(), PlotPalette.Color(i).ToHex());
    }
}
