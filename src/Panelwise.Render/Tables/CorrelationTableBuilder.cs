using Panelwise.Methods.Descriptive;

namespace Panelwise.Render.Tables;

/// <summary>A lower-triangular correlation table with stars (Stata's <c>pwcorr, star()</c>, esttab's layout):
/// rows and columns numbered (1)..(k), ones on the diagonal, the upper triangle empty.</summary>
public static class CorrelationTableBuilder
{
    public static TableModel Build(CorrelationMatrix matrix, StarThresholds? stars = null, int decimals = 3,
        IReadOnlyDictionary<string, string>? labels = null, string title = "", TableText? text = null)
    {
        text ??= TableText.En;
        stars ??= StarThresholds.Default;
        int k = matrix.Variables.Count;
        var rows = new List<TableRow>();
        for (int i = 0; i < k; i++)
        {
            var cells = new List<TableCell>();
            for (int j = 0; j < k; j++)
                cells.Add(j > i ? TableCell.Empty
                    : j == i ? new TableCell(NumberFormat.Fixed(1, decimals))
                    : new TableCell(NumberFormat.Fixed(matrix.R[i, j], decimals), stars.For(matrix.PValue[i, j])));
            string name = matrix.Variables[i];
            rows.Add(new TableRow($"({i + 1}) {(labels is not null && labels.TryGetValue(name, out var l) ? l : name)}", cells));
        }
        return new TableModel
        {
            Title = title,
            StubHeader = text.Variable,
            HeaderRows = [Enumerable.Range(1, k).Select(i => $"({i})").ToList()],
            Groups = [new RowGroup(rows)],
            Notes = [string.Format(text.CorrelationNote, stars.Levels.Count > 0 ? string.Format(text.CorrelationStars, stars.Legend(text with { StarsLegend = "{0}" })) : "")],
        }.Validated();
    }
}
