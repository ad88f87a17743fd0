using Panelwise.Results;

namespace Panelwise.Render.Tables;

/// <summary>One regression's coefficients in the layout Stata users know: coefficient, standard error, t (or z under
/// large-sample conventions), its p-value and the 95% interval (the heading "[95% Conf. Interval]" over the last
/// two columns). Missing values as ".".</summary>
public static class CoefficientTableBuilder
{
    public static TableModel Build(RegressionResult r)
    {
        string stat = r.Vcov.IsNormal ? "z" : "t";
        return new TableModel
        {
            HeaderRows = [["Coef.", "Std. Err.", stat, $"P>|{stat}|", "", "[95% Conf. Interval]"]],
            Groups = [new RowGroup(r.Coefficients.Select(c => new TableRow(c.Term,
            [
                StataFormat.Coefficient(c.Estimate), StataFormat.Coefficient(c.StdError), StataFormat.Number(c.Statistic, "F2"),
                StataFormat.Number(c.PValue, "F3"), StataFormat.Coefficient(c.ConfLow), StataFormat.Coefficient(c.ConfHigh),
            ])).ToList())],
        }.Validated();
    }
}
