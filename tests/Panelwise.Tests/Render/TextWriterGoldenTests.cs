using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>Markdown, LaTeX and HTML output compared byte for byte with committed golden files.</summary>
public class TextWriterGoldenTests
{
    [Fact]
    public void Markdown_matches_golden() => GoldenFile.AssertMatches("hand.md", MarkdownTableWriter.Write(SampleTables.HandBuilt()));

    [Fact]
    public void Latex_matches_golden() => GoldenFile.AssertMatches("hand.tex", LatexTableWriter.Write(SampleTables.HandBuilt()));

    [Fact]
    public void Html_matches_golden() => GoldenFile.AssertMatches("hand.html", HtmlTableWriter.Write(SampleTables.HandBuilt()));

    [Fact]
    public void Regression_table_matches_golden_in_every_text_format()
    {
        var table = RegressionTableBuilder.Build(
            SampleTables.GrunfeldFits().Select(r => new RegressionTableColumn(r)).ToList(),
            new RegressionTableOptions
            {
                Title = "Grunfeld",
                Controls = ["value"],
                Labels = new Dictionary<string, string> { ["capital"] = "资本存量", ["firm"] = "Firm", ["year"] = "Year" },
                Tests = [new TestRow("f", "F")],
            });
        GoldenFile.AssertMatches("grunfeld.md", MarkdownTableWriter.Write(table));
        GoldenFile.AssertMatches("grunfeld.tex", LatexTableWriter.Write(table));
        GoldenFile.AssertMatches("grunfeld.html", HtmlTableWriter.Write(table));
    }
}
