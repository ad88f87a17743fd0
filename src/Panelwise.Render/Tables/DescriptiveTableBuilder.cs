using Panelwise.Methods.Descriptive;

namespace Panelwise.Render.Tables;

/// <summary>Descriptive statistics as papers print them: one row per variable, one column per statistic.</summary>
public static class DescriptiveTableBuilder
{
    public static TableModel Build(IReadOnlyList<VariableSummary> summaries, DescriptiveTableOptions? options = null)
    {
        options ??= new DescriptiveTableOptions();
        var rows = summaries.Select(s => new TableRow(
            options.Labels.TryGetValue(s.Name, out var label) ? label : s.Name,
            options.Statistics.Select(stat => (TableCell)Cell(s, stat, options.Decimals)).ToList())).ToList();
        return new TableModel
        {
            Title = options.Title,
            StubHeader = options.StubHeader ?? options.Text.Variable,
            HeaderRows = [options.Statistics.Select(stat => Header(stat, options.Text)).ToList()],
            Groups = [new RowGroup(rows)],
            Notes = options.Notes,
        }.Validated();
    }

    private static string Cell(VariableSummary s, SummaryStatistic statistic, int decimals) => statistic switch
    {
        SummaryStatistic.N => NumberFormat.Count(s.N),
        SummaryStatistic.Mean => NumberFormat.Fixed(s.Mean, decimals),
        SummaryStatistic.Median => NumberFormat.Fixed(s.Median, decimals),
        SummaryStatistic.Sd => NumberFormat.Fixed(s.Sd, decimals),
        SummaryStatistic.Min => NumberFormat.Fixed(s.Min, decimals),
        SummaryStatistic.Max => NumberFormat.Fixed(s.Max, decimals),
        SummaryStatistic.P25 => NumberFormat.Fixed(s.P25, decimals),
        _ => NumberFormat.Fixed(s.P75, decimals),
    };

    private static string Header(SummaryStatistic statistic, TableText text) => statistic switch
    {
        SummaryStatistic.N => text.Observations,
        SummaryStatistic.Mean => text.Mean,
        SummaryStatistic.Median => text.Median,
        SummaryStatistic.Sd => text.Sd,
        SummaryStatistic.Min => text.Min,
        SummaryStatistic.Max => text.Max,
        SummaryStatistic.P25 => text.P25,
        _ => text.P75,
    };
}
