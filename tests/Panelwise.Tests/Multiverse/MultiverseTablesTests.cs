using System.Globalization;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Panelwise.Render.Plots;
using Panelwise.Render.Tables;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary>A multiverse's tables and curve words in a study's language and labels: each term of a choice by its
/// label (a transformed one as its label and the transformation), none/all and the covariance in the language's
/// words, the same numbers as the result in the table's digits; the CLI's plain plot words unchanged.</summary>
public class MultiverseTablesTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["x"] = "数字化", ["c1"] = "规模", ["c2"] = "杠杆", ["id"] = "企业" };

    private static MultiverseResult Result() => Multiverse.Run(MultiverseTests.Panel(), new MultiverseSpec
    {
        Outcomes = ["y1"],
        FocalTerms = ["x", "winsor(x, 0.05)", "l(x, 1)"],
        ControlSets = ["none", "c1 + c2"],
        FixedEffectSets = ["id + year"],
        Vcovs = ["cluster:id", "hc1"],
        Samples = ["all", "year <= 2020"],
        Baseline = "controls = c1 + c2",
    }, new FitOptions { Panel = ("id", "year") });

    [Theory]
    [InlineData("zh", "核心解释变量", "数字化（5%缩尾）", "数字化（滞后1期）", "无", "规模、杠杆", "企业、year", "聚类到企业层面的稳健标准误", "异方差稳健标准误（HC1）", "全样本")]
    [InlineData("en", "Focal term", "数字化 (winsorized at 5%)", "数字化 (lag 1)", "none", "规模 + 杠杆", "企业 + year", "clustered by 企业", "heteroskedasticity-robust, HC1", "all")]
    public void Specifications_show_choices_by_label_in_the_language(string language, string focal, string winsor, string lag, string none,
        string controls, string fe, string cluster, string hc1, string all)
    {
        var result = Result();
        var options = new RegressionTableOptions { Labels = Labels, Text = TableText.For(language)!, Decimals = 4, Title = "T" };
        var table = MultiverseTableBuilder.Specifications(result, options);
        Assert.Equal(focal, table.HeaderRows[0][1]);
        var rows = table.Groups.Single().Rows;
        Assert.Equal(result.Estimates.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var e = result.Estimates[i];
            var cells = rows[i].Cells.Select(c => c.Text).ToList();
            Assert.Equal(e.Spec.Number.ToString(CultureInfo.InvariantCulture), rows[i].Label);
            Assert.Equal(e.Spec.Focal switch { "x" => "数字化", "winsor(x, 0.05)" => winsor, _ => lag }, cells[1]);
            Assert.Equal(e.Spec.Controls == "none" ? none : controls, cells[2]);
            Assert.Equal(fe, cells[3]);
            Assert.Equal(e.Spec.Vcov == "hc1" ? hc1 : cluster, cells[4]);
            Assert.Equal(e.Spec.Sample == "all" ? all : "year <= 2020", cells[5]);
            Assert.Equal(e.Estimate.ToString("F4", CultureInfo.InvariantCulture), cells[6]);
            Assert.Equal(e.StdError.ToString("F4", CultureInfo.InvariantCulture), cells[7]);
            Assert.Equal(e.Nobs.ToString("N0", CultureInfo.InvariantCulture), cells[11]);
        }
        var curve = SpecificationCurveText.For(result, options);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, options.Text.Multiverse.IndicatorRow, focal, lag), curve.Row(MultiverseDimension.Focal, "l(x, 1)"));
        Assert.Contains(winsor, curve.Title);
    }

    [Fact]
    public void Summary_rows_follow_the_result_and_plain_curve_words_are_the_cli_ones()
    {
        var result = Result();
        var table = MultiverseTableBuilder.Summary(result, new RegressionTableOptions { Title = "T", Notes = ["mine"] });
        var values = table.Groups.SelectMany(g => g.Rows).ToDictionary(r => r.Label, r => r.Cells[0].Text);
        var s = result.Summary;
        Assert.Equal(s.SpecCount.ToString(CultureInfo.InvariantCulture), values["Specifications"]);
        Assert.Equal(s.Median.ToString("F3", CultureInfo.InvariantCulture), values["Median estimate"]);
        Assert.Equal($"{s.BaselineRank} of {s.SpecCount}", values["Baseline rank (1 = smallest)"]);
        Assert.Equal(result.Baseline!.Spec.Number.ToString(CultureInfo.InvariantCulture), values["Baseline specification"]);
        Assert.False(values.ContainsKey("Joint test: bootstrap draws used"));
        Assert.Equal("mine", table.Notes[^1]);
        var plain = SpecificationCurveText.Plain(result);
        Assert.Equal("x: winsor(x, 0.05)", plain.Row(MultiverseDimension.Focal, "winsor(x, 0.05)"));
        Assert.Equal("Specification curve: x, winsor(x, 0.05), l(x, 1)", plain.Title);
    }
}
