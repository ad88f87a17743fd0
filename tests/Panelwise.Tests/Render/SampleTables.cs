using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Render.Tables;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Panelwise.Models;

namespace Panelwise.Tests.Render;

/// <summary>Tables shared by the renderer tests: one built by hand with every feature a writer must handle (stars,
/// parentheses, groups, notes, Chinese, characters special in Markdown, LaTeX and HTML), and one from real fits.</summary>
internal static class SampleTables
{
    public static TableModel HandBuilt() => new TableModel
    {
        Title = "表 2: Baseline & robustness",
        StubHeader = "变量",
        HeaderRows = [["(1)", "(2)"], ["ln_inv", "投资 <log>"]],
        Groups =
        [
            new RowGroup([
                new TableRow("数字经济", [new TableCell("0.123", "***"), new TableCell("-0.045", "*")]),
                new TableRow("", [new TableCell("0.010", Parenthesised: true), new TableCell("0.020", Parenthesised: true)]),
                new TableRow("_cons", [new TableCell("1.500"), TableCell.Empty]),
            ]),
            new RowGroup([new TableRow("Year FE", ["Yes", "No"])]),
            new RowGroup([new TableRow("N", ["200", "150"]), new TableRow("R²", ["0.950", "0.90%"])]),
        ],
        Notes = ["Standard errors in parentheses (clustered by firm).", "* p<0.1, ** p<0.05, *** p<0.01."],
    }.Validated();

    /// <summary>Grunfeld: firm FE and firm + year FE, clustered by firm, with value as a control in the second column.</summary>
    public static IReadOnlyList<RegressionResult> GrunfeldFits()
    {
        var frame = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var options = new FitOptions { Vcov = VcovSpec.Cluster("firm") };
        return [.. Regression.Fit(frame, "inv ~ capital | firm", options), .. Regression.Fit(frame, "inv ~ capital + value | firm + year", options)];
    }
}
