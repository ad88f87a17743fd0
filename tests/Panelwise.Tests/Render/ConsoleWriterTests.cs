using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>The console writers the CLI's text reports are drawn with: Stata's fixed-width layout and the compact
/// left-aligned table of the index and group commands.</summary>
public class ConsoleWriterTests
{
    [Fact]
    public void Fixed_width_spans_a_heading_over_an_empty_one_cuts_long_names_and_pushes_wide_cells_right()
    {
        var table = new TableModel
        {
            StubHeader = "y",
            HeaderRows = [["b", "", "[95% CI]"]],
            Groups = [new RowGroup([new TableRow("a_long_name", ["1.5", "-2", "3"]), new TableRow("x", ["123456", "", "4"])])],
        };
        var layout = new FixedWidthLayout([new(6, Truncate: true), new(5, Before: " | "), new(4, Before: " "), new(4, Before: " ")], Rule: 10);
        Assert.Equal(
            "----------\n" +
            "     y |     b  [95% CI]\n" +
            "----------\n" +
            "a_lon~ |   1.5   -2    3\n" +
            "     x | 123456         4\n" +
            "----------\n",
            FixedWidthTableWriter.Write(table, layout));
    }

    [Fact]
    public void Fixed_width_layout_must_cover_the_stub_and_every_column()
    {
        var table = new TableModel { HeaderRows = [["a", "b"]], Groups = [] };
        Assert.Throws<ArgumentException>(() => FixedWidthTableWriter.Write(table, new FixedWidthLayout([new(4), new(4)])));
    }

    [Fact]
    public void Console_table_is_left_aligned_with_one_rule_and_counts_chinese_characters_as_two_columns()
    {
        var table = new TableModel
        {
            Title = "T",
            StubHeader = "level",
            HeaderRows = [["name", "w"]],
            Groups = [new RowGroup([new TableRow("数字", ["ab", "0.5"]), new TableRow("x", ["", "1"])])],
        };
        Assert.Equal(
            "T\n" +
            "level  name  w\n" +
            "----------------\n" +
            "数字   ab    0.5\n" +
            "x            1\n",
            ConsoleTableWriter.Write(table));
    }
}
