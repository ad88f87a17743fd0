using System.Globalization;
using Panelwise.Methods.Matching;

namespace Panelwise.Render.Tables;

/// <summary>The tables of propensity-score matching as Stata prints them: the logit/probit score model, psmatch2's
/// outcome table (Unmatched and ATT rows: treated mean, control mean, difference, S.E., t) and support tabulation,
/// and pstest's balance table (means, % bias, % reduction in |bias|, t test; one U and one M row per covariate and a
/// blank separating row). Missing values as ".".</summary>
public static class MatchTableBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static TableModel Propensity(PropensityFit f, string treatment) => new TableModel
    {
        StubHeader = treatment,
        HeaderRows = [["Coef.", "Std. Err.", "z", "P>|z|"]],
        Groups = [new RowGroup(f.Names.Select((name, j) => new TableRow(name,
            [G6(f.Coefficients[j]), G6(f.StdErrors[j]), StataFormat.Number(f.ZStatistic(j), "F2"), StataFormat.Number(f.PValue(j), "F3")])).ToList())],
    }.Validated();

    /// <summary>The outcome compared before matching and the ATT; null without an outcome.</summary>
    public static TableModel? Outcome(MatchingResult r)
    {
        if (r.Outcome is not { } o) return null;
        double se = r.AttStdError;
        return new TableModel
        {
            StubHeader = "Variable",
            HeaderRows = [["Sample", "Treated", "Controls", "Difference", "S.E.", "T-stat"]],
            Groups = [new RowGroup(
            [
                new TableRow(o.Covariate, ["Unmatched", G6(o.MeanTreatedBefore), G6(o.MeanControlBefore), G6(o.DifferenceBefore), G6(o.StdErrorBefore), StataFormat.Number(o.TBefore, "F2")]),
                new TableRow("", ["ATT", G6(o.MeanTreatedAfter), G6(o.MeanControlAfter), G6(r.Att), G6(se), double.IsFinite(se) ? r.AttStatistic.ToString("F2", Inv) : "."]),
            ])],
        }.Validated();
    }

    /// <summary>psmatch2's support tabulation: untreated and treated units off and on the common support.</summary>
    public static TableModel Support(MatchingResult r)
    {
        var n = r.Counts;
        return new TableModel
        {
            HeaderRows = [["Off support", "On support", "Total"]],
            Groups = [new RowGroup(
            [
                new TableRow("Untreated", [Count(0), Count(n.Controls), Count(n.Controls)]),
                new TableRow("Treated", [Count(n.OffSupport), Count(n.TreatedMatched), Count(n.Treated)]),
            ])],
        }.Validated();
    }

    public static TableModel Balance(IReadOnlyList<BalanceRow> rows)
    {
        var body = new List<TableRow>();
        foreach (var b in rows)
        {
            body.Add(new TableRow(b.Covariate, ["U", G5(b.MeanTreatedBefore), G5(b.MeanControlBefore), StataFormat.Number(b.BiasBefore, "F1"), "",
                StataFormat.Number(b.TBefore, "F2"), StataFormat.Number(b.PBefore, "F3")]));
            body.Add(new TableRow("", ["M", G5(b.MeanTreatedAfter), G5(b.MeanControlAfter), StataFormat.Number(b.BiasAfter, "F1"),
                StataFormat.Number(b.Reduction, "F1"), StataFormat.Number(b.TAfter, "F2"), StataFormat.Number(b.PAfter, "F3")]));
            body.Add(new TableRow("", ["", "", "", "", "", "", ""]));
        }
        return new TableModel
        {
            StubHeader = "Variable",
            HeaderRows = [["", "", "Mean", "", "%reduct", "", "t-test"], ["Sample", "Treated", "Control", "%bias", "|bias|", "t", "p>|t|"]],
            Groups = [new RowGroup(body)],
        }.Validated();
    }

    private static TableCell G6(double v) => StataFormat.Number(v, "G6");

    private static TableCell G5(double v) => StataFormat.Number(v, "G5");

    private static TableCell Count(int n) => n.ToString(Inv);
}
