using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>Issue 17: one row per variable (winsor/trim/lag share the variable's row, rename merges rows), the fixed
/// texts in English or Chinese (TableText), and number formats per statistic. Golden Markdown pins both languages.</summary>
public class TableLanguageTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["inv"] = "投资", ["capital"] = "资本存量", ["value"] = "市值", ["firm"] = "企业", ["year"] = "年份",
    };

    /// <summary>Grunfeld: a baseline, winsorized response and regressor, a lagged regressor with HC1 errors.</summary>
    private static List<RegressionTableColumn> Columns()
    {
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var cluster = new FitOptions { Vcov = VcovSpec.Cluster("firm"), Panel = ("firm", "year") };
        var robust = cluster with { Vcov = VcovSpec.Parse("hc1") };
        return
        [
            new(Regression.Fit(frame, "inv ~ capital + value | firm + year", cluster)[0], "Baseline"),
            new(Regression.Fit(frame, "winsor(inv, 0.05) ~ winsor(capital, 0.05) + value | firm + year", cluster)[0], "Winsorized"),
            new(Regression.Fit(frame, "inv ~ l(capital, 1) + value | firm + year", cluster)[0], "Lagged"),
            new(Regression.Fit(frame, "inv ~ capital + value | firm + year", robust)[0], "HC1"),
        ];
    }

    private static RegressionTableOptions Options(TableText text) => new() { Title = "Grunfeld", Controls = ["value"], Labels = Labels, Text = text };

    [Fact]
    public void English_table_merges_transformed_terms_into_one_row_and_matches_golden()
    {
        var table = RegressionTableBuilder.Build(Columns(), Options(TableText.En));
        Assert.Equal(["资本存量", "", "Constant", ""], table.Groups[0].Rows.Select(r => r.Label));
        GoldenFile.AssertMatches("language-en.md", MarkdownTableWriter.Write(table));
    }

    [Fact]
    public void Chinese_table_uses_chinese_fixed_texts_and_matches_golden()
    {
        var table = RegressionTableBuilder.Build(Columns(), Options(TableText.Zh));
        var labels = table.Groups.SelectMany(g => g.Rows).Select(r => r.Label).Where(l => l.Length > 0).ToList();
        Assert.Equal(["资本存量", "常数项", "控制变量", "企业固定效应", "年份固定效应", "观测值", "R²", "调整R²", "组内R²"], labels);
        Assert.Equal(["是", "是", "是", "是"], table.Groups[1].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("括号内为标准误，(1)-(3)为聚类到企业层面的稳健标准误；(4)为异方差稳健标准误（HC1）。", table.Notes[0]);
        Assert.Equal("*、**、***分别表示在10%、5%、1%的水平上显著。", table.Notes[1]);
        GoldenFile.AssertMatches("language-zh.md", MarkdownTableWriter.Write(table));
    }

    [Fact]
    public void Text_entries_override_single_fixed_texts()
    {
        var text = TableText.Zh.With("controls", "其他控制变量")!.With("N", "样本量")!;
        var table = RegressionTableBuilder.Build(Columns()[..1], Options(text));
        Assert.Contains(table.Groups.SelectMany(g => g.Rows), r => r.Label == "其他控制变量");
        Assert.Contains(table.Groups.SelectMany(g => g.Rows), r => r.Label == "样本量");
        Assert.Null(TableText.En.With("Kontrollen", "x"));
    }

    [Fact]
    public void Without_merging_each_transformed_term_keeps_its_row_and_rename_merges_them()
    {
        var columns = Columns();
        var separate = RegressionTableBuilder.Build(columns, Options(TableText.En) with { MergeTransformed = false });
        Assert.Equal(["资本存量", "winsor(capital, 0.05)", "l(capital, 1)", "Constant"], separate.Groups[0].Rows.Select(r => r.Label).Where(l => l.Length > 0));
        var renamed = RegressionTableBuilder.Build(columns, Options(TableText.En) with
        {
            MergeTransformed = false,
            Rename = new Dictionary<string, string> { ["l(capital, 1)"] = "capital" },
        });
        Assert.Equal(["资本存量", "winsor(capital, 0.05)", "Constant"], renamed.Groups[0].Rows.Select(r => r.Label).Where(l => l.Length > 0));
    }

    [Fact]
    public void A_variable_and_its_lag_in_one_column_keep_two_rows_and_a_rename_onto_one_row_is_an_error()
    {
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var fit = Regression.Fit(frame, "inv ~ capital + l(capital, 1)", new FitOptions { Panel = ("firm", "year") })[0];
        var table = RegressionTableBuilder.Build([new RegressionTableColumn(fit)], new RegressionTableOptions());
        Assert.Equal(["capital", "l(capital, 1)", "Constant"], table.Groups[0].Rows.Select(r => r.Label).Where(l => l.Length > 0));
        var ex = Assert.Throws<UserInputException>(() => RegressionTableBuilder.Build([new RegressionTableColumn(fit)],
            new RegressionTableOptions { Rename = new Dictionary<string, string> { ["l(capital, 1)"] = "capital" } }));
        Assert.Equal("Column (1): 'capital' and 'l(capital, 1)' would share the row 'capital'; a column can show one term per row: rename one of them to another row.", ex.Message);
    }

    [Fact]
    public void A_labelled_transformed_term_and_a_lagged_dependent_variable_keep_their_own_rows()
    {
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var options = new FitOptions { Panel = ("firm", "year") };
        var columns = new List<RegressionTableColumn>
        {
            new(Regression.Fit(frame, "inv ~ capital", options)[0]),
            new(Regression.Fit(frame, "inv ~ winsor(capital, 0.05) + l(inv, 1)", options)[0]),
        };
        var labels = new Dictionary<string, string> { ["capital"] = "资本存量", ["winsor(capital, 0.05)"] = "资本存量(缩尾)" };
        var table = RegressionTableBuilder.Build(columns, new RegressionTableOptions { Labels = labels });
        Assert.Equal(["资本存量", "资本存量(缩尾)", "l(inv, 1)", "Constant"], table.Groups[0].Rows.Select(r => r.Label).Where(l => l.Length > 0));
    }

    [Theory]
    [InlineData(0.123456, 3, "0.123")]
    [InlineData(0.0000123456, 3, "0.0000123")]
    [InlineData(-0.00045678, 3, "-0.000457")]
    [InlineData(0.0004, 2, "0.00040")]
    [InlineData(1e-12, 3, "1E-12")]
    [InlineData(0.0, 3, "0.000")]
    [InlineData(-0.0001, 0, "-0.0001")]
    public void Estimates_get_significant_digits_when_they_would_print_as_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberFormat.Estimate(value, decimals));

    [Fact]
    public void Counts_get_thousands_separators_and_small_p_values_a_bound()
    {
        Assert.Equal("375,218", NumberFormat.Count(375218));
        Assert.Equal("385", NumberFormat.Count(385));
        Assert.Equal("<0.001", NumberFormat.PValue(0.0004, 3));
        Assert.Equal("0.001", NumberFormat.PValue(0.001, 3));
        Assert.Equal("<0.01", NumberFormat.PValue(0.004, 2));
        Assert.Equal("0.02163", NumberFormat.Note(0.021629295231202238));
    }
}
