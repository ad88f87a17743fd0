namespace Panelwise.Render.Tables;

/// <summary>How a descriptive-statistics table looks: which statistics (default N, mean, median, SD, min, max, as
/// the seeds' Table 1), decimals and variable labels.</summary>
public sealed record DescriptiveTableOptions
{
    public string Title { get; init; } = "";

    /// <summary>The stub header; null = the language's word for "Variable".</summary>
    public string? StubHeader { get; init; }

    /// <summary>The language of the headers (N is <see cref="TableText.Observations"/>).</summary>
    public TableText Text { get; init; } = TableText.En;

    public IReadOnlyList<SummaryStatistic> Statistics { get; init; } =
        [SummaryStatistic.N, SummaryStatistic.Mean, SummaryStatistic.Median, SummaryStatistic.Sd, SummaryStatistic.Min, SummaryStatistic.Max];

    public int Decimals { get; init; } = 3;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Notes { get; init; } = [];
}
