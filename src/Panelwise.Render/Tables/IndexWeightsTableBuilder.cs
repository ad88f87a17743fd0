using System.Globalization;
using Panelwise.Methods.Indices;

namespace Panelwise.Render.Tables;

/// <summary>An index's weights in the shape papers print them: level, indicator (label and column), direction, method,
/// e_j and d_j (entropy method), the weight within its node and the global weight; blank where a value does not apply.</summary>
public static class IndexWeightsTableBuilder
{
    public static TableModel Build(IReadOnlyList<WeightRow> weights, string title = "") => new TableModel
    {
        Title = title,
        StubHeader = "level",
        HeaderRows = [["indicator", "direction", "method", "e", "d", "weight", "global"]],
        Groups = [new RowGroup(weights.Select(r => new TableRow(r.Node,
        [
            r.Label == r.Child ? r.Child : $"{r.Label} ({r.Child})", r.Direction ?? "", r.Method,
            Number(r.Entropy), Number(r.Divergence), Number(r.Weight), Number(r.GlobalWeight),
        ])).ToList())],
    }.Validated();

    private static TableCell Number(double? value) => value is double v && double.IsFinite(v) ? v.ToString("F4", CultureInfo.InvariantCulture) : "";
}
