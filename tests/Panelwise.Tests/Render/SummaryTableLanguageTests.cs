using Panelwise.Methods.Descriptive;
using Panelwise.Render.Tables;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>Issue 17 item 2, beyond regression tables: descriptive, correlation and VIF tables and the test rows take
/// their fixed texts from the same catalogue, so a <c>language: zh</c> study has no English header left; English stays
/// what the CLI has always printed.</summary>
public class SummaryTableLanguageTests
{
    private static readonly Panelwise.Data.Frame Grunfeld = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));

    [Fact]
    public void Descriptive_headers_follow_the_language()
    {
        var summaries = DescriptiveStatistics.Summarise(Grunfeld, ["inv", "capital"], null);
        var en = DescriptiveTableBuilder.Build(summaries);
        Assert.Equal("Variable", en.StubHeader);
        Assert.Equal(["N", "Mean", "Median", "SD", "Min", "Max"], en.HeaderRows[0]);
        var zh = DescriptiveTableBuilder.Build(summaries, new DescriptiveTableOptions { Text = TableText.Zh });
        Assert.Equal("变量", zh.StubHeader);
        Assert.Equal(["观测值", "均值", "中位数", "标准差", "最小值", "最大值"], zh.HeaderRows[0]);
        // An explicit stub header still wins, and text: entries override single headers.
        var own = DescriptiveTableBuilder.Build(summaries, new DescriptiveTableOptions { Text = TableText.Zh.With("sd", "标准偏差")!, StubHeader = "指标" });
        Assert.Equal("指标", own.StubHeader);
        Assert.Equal("标准偏差", own.HeaderRows[0][3]);
    }

    [Fact]
    public void Correlation_and_vif_notes_follow_the_language()
    {
        var matrix = Correlations.Compute(Grunfeld, ["inv", "capital", "value"], null);
        Assert.Equal(["Pairwise Pearson correlations; * p<0.1, ** p<0.05, *** p<0.01."], CorrelationTableBuilder.Build(matrix).Notes);
        var zh = CorrelationTableBuilder.Build(matrix, text: TableText.Zh);
        Assert.Equal(["表中为Pearson两两相关系数；*、**、***分别表示在10%、5%、1%的水平上显著。"], zh.Notes);
        Assert.Equal("变量", zh.StubHeader);
        Assert.Equal(["Pairwise Pearson correlations."], CorrelationTableBuilder.Build(matrix, new StarThresholds([])).Notes);

        var factors = VarianceInflation.Compute(Grunfeld, ["capital", "value"], null);
        Assert.Equal("Mean VIF", VifTableBuilder.Build(factors).Groups[1].Rows[0].Label);
        Assert.Equal("平均VIF", VifTableBuilder.Build(factors, text: TableText.Zh).Groups[1].Rows[0].Label);
    }

    [Fact]
    public void Test_rows_are_labelled_in_the_language_and_can_be_overridden_by_name()
    {
        Assert.Equal("First-stage F", TestRowCatalog.Row("first_f").Label);
        Assert.Equal("第一阶段F值", TestRowCatalog.Row("first_f", TableText.Zh).Label);
        Assert.Equal("Kleibergen-Paap rk Wald F统计量", TestRowCatalog.Row("kp_f", TableText.Zh).Label);
        Assert.Equal("一阶段F", TestRowCatalog.Row("first_f", TableText.Zh.With("first_f", "一阶段F")!).Label);
        Assert.True(TableText.IsKey("kp_lm"));
        // Every catalogue row has a Chinese label: a row added later without one fails here.
        Assert.All(TestRowCatalog.Names, name => Assert.True(TableText.Zh.TestLabels.ContainsKey(name), $"no Chinese label for test row '{name}'"));
    }

    [Fact]
    public void The_schema_lists_exactly_the_text_keys_the_reader_accepts()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPath.Of("schema", "study.schema.json")))!;
        var keys = schema["$defs"]!["text"]!["propertyNames"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(TableText.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal), keys);
    }
}
