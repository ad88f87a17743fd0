namespace Panelwise.Render.Tables;

/// <summary>Variance inflation factors as Stata's <c>estat vif</c> prints them: VIF and 1/VIF per variable, sorted
/// by VIF descending, and the mean VIF.</summary>
public static class VifTableBuilder
{
    public static TableModel Build(IReadOnlyList<(string Variable, double Vif)> factors, int decimals = 3,
        IReadOnlyDictionary<string, string>? labels = null, string title = "", TableText? text = null)
    {
        text ??= TableText.En;
        var rows = factors.OrderByDescending(f => f.Vif).Select(f => new TableRow(
            labels is not null && labels.TryGetValue(f.Variable, out var l) ? l : f.Variable,
            [NumberFormat.Fixed(f.Vif, decimals), NumberFormat.Fixed(1 / f.Vif, decimals)])).ToList();
        var mean = new TableRow(text.MeanVif, [NumberFormat.Fixed(factors.Average(f => f.Vif), decimals), TableCell.Empty]);
        return new TableModel
        {
            Title = title,
            StubHeader = text.Variable,
            HeaderRows = [["VIF", "1/VIF"]],
            Groups = [new RowGroup(rows), new RowGroup([mean])],
        }.Validated();
    }
}
