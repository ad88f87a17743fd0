using System.Globalization;
using Panelwise.Results;

namespace Panelwise.Render.Tables;

/// <summary>Stata's hausman table: per term b (fixed effects, consistent), B (random effects, efficient), b-B and
/// sqrt(diag(V_b-V_B)), the last "." where that diagonal is negative (V_b - V_B not positive definite).</summary>
public static class HausmanTableBuilder
{
    public static TableModel Build(HausmanResult r) => new TableModel
    {
        HeaderRows = [["(b) fe", "(B) re", "(b-B)", "sqrt(diag(V_b-V_B))"]],
        Groups = [new RowGroup(r.Rows.Select(x => new TableRow(x.Term,
            [G7(x.Consistent), G7(x.Efficient), G7(x.Difference), StataFormat.Number(x.StdError, "G7")])).ToList())],
    }.Validated();

    private static TableCell G7(double v) => v.ToString("G7", CultureInfo.InvariantCulture);
}
