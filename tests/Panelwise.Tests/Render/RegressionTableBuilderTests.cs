using Panelwise.Render.Tables;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>The regression table's layout: stars by p-value, parentheses, indicator rows, statistics and notes.</summary>
public class RegressionTableBuilderTests
{
    private static TableModel Build(RegressionTableOptions? options = null) =>
        RegressionTableBuilder.Build(SampleTables.GrunfeldFits().Select(r => new RegressionTableColumn(r)).ToList(), options);

    private static TableRow Row(TableModel table, string label) => table.Groups.SelectMany(g => g.Rows).Single(r => r.Label == label);

    [Fact]
    public void Coefficient_rows_carry_stars_and_bracketed_errors_below()
    {
        var table = Build();
        var rows = table.Groups[0].Rows;
        Assert.Equal(["capital", "", "value", "", "Constant", ""], rows.Select(r => r.Label));
        Assert.Equal("***", rows[0].Cells[0].Stars);
        Assert.True(rows[1].Cells[0].Parenthesised);
        Assert.Equal(TableCell.Empty, rows[2].Cells[0]);
    }

    [Fact]
    public void Controls_are_summarised_and_fixed_effects_marked()
    {
        var table = Build(new RegressionTableOptions { Controls = ["value"] });
        Assert.DoesNotContain(table.Groups[0].Rows, r => r.Label == "value");
        Assert.Equal(["No", "Yes"], Row(table, "Controls").Cells.Select(c => c.Text));
        Assert.Equal(["Yes", "Yes"], Row(table, "firm FE").Cells.Select(c => c.Text));
        Assert.Equal(["No", "Yes"], Row(table, "year FE").Cells.Select(c => c.Text));
        Assert.Equal(["200", "200"], Row(table, "N").Cells.Select(c => c.Text));
    }

    [Fact]
    public void Star_thresholds_and_t_statistics_are_configurable()
    {
        var table = Build(new RegressionTableOptions { Stars = new StarThresholds([(0.05, "+")]), Bracket = BracketStatistic.TStatistic });
        Assert.Equal("+", table.Groups[0].Rows[0].Cells[0].Stars);
        Assert.StartsWith("t statistics in parentheses (clustered by firm)", table.Notes[0]);
        Assert.Equal("+ p<0.05.", table.Notes[1]);
    }

    [Fact]
    public void Default_stars_follow_the_seeds()
    {
        Assert.Equal("***", StarThresholds.Default.For(0.009));
        Assert.Equal("**", StarThresholds.Default.For(0.01));
        Assert.Equal("*", StarThresholds.Default.For(0.09));
        Assert.Equal("", StarThresholds.Default.For(0.1));
        Assert.Equal("* p<0.1, ** p<0.05, *** p<0.01", StarThresholds.Default.Legend());
    }
}
