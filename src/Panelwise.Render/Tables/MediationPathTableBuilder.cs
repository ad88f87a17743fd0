using Panelwise.Methods.Mediation;

namespace Panelwise.Render.Tables;

/// <summary>One mediator's paths as the mediate command reports them: total effect c, a, b, direct effect c' and the
/// indirect effect a*b, each with its estimate, standard error and p-value (six significant digits, "." if missing).</summary>
public static class MediationPathTableBuilder
{
    public static TableModel Build(MediatorResult m) => new TableModel
    {
        StubHeader = "path",
        HeaderRows = [["estimate", "std. err.", "p"]],
        Groups = [new RowGroup(new[]
        {
            ("total effect c (Y~X)", m.Total), ("a (M~X)", m.A), ("b (Y~M|X)", m.B), ("direct c' (Y~X|M)", m.Direct), ("indirect a*b", m.Indirect),
        }.Select(p => new TableRow(p.Item1, [G6(p.Item2.Estimate), G6(p.Item2.StdError), G6(p.Item2.PValue)])).ToList())],
    }.Validated();

    private static TableCell G6(double v) => StataFormat.Number(v, "G6");
}
