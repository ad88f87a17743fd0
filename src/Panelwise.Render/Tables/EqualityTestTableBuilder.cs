using Panelwise.Methods.GroupComparison;

namespace Panelwise.Render.Tables;

/// <summary>The equality tests of a group comparison: test, coefficient ("(all)" for Chow), the groups compared, the
/// statistic, its degrees of freedom ("df1,df2" for F) and p-value (six significant digits, "." if missing).</summary>
public static class EqualityTestTableBuilder
{
    public static TableModel Build(ComparisonResult r) => new TableModel
    {
        StubHeader = "test",
        HeaderRows = [["coefficient", "groups", "statistic", "df", "p"]],
        Groups = [new RowGroup(r.Tests.Select(t => new TableRow(t.Test,
            [t.Coefficient ?? "(all)", $"{t.Groups.A} vs {t.Groups.B}", G6(t.Statistic), Df(t), G6(t.PValue)])).ToList())],
    }.Validated();

    private static string Df(EqualityTest t) => double.IsNaN(t.Df) ? "" : double.IsNaN(t.Df2) ? G6(t.Df) : $"{G6(t.Df)},{G6(t.Df2)}";

    private static string G6(double v) => StataFormat.Number(v, "G6");
}
