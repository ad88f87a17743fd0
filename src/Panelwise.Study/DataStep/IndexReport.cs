using Panelwise.Methods.Indices;

namespace Panelwise.Study;

/// <summary>A composite index of the study: the rows it is computed on (its <c>if</c> excludes the rest), the first
/// and last year in which each indicator has data anywhere in the data (so a series that starts late is visible),
/// the years in which all of them do, and the weights (entropy e_j, d_j, w_j per level).</summary>
public sealed record IndexReport(string Index, string? Condition, int Rows, int Excluded,
    IReadOnlyList<IndicatorCoverage> Indicators, IReadOnlyList<WeightRow> Weights) : DataStepReport
{
    public override string Kind => "index";

    /// <summary>The first year in which every indicator has data (the latest first year); null if one has none.</summary>
    public double? CommonFirst => Indicators.Any(i => i.FirstTime is null) ? null : Indicators.Max(i => i.FirstTime);

    /// <summary>The last year in which every indicator has data (the earliest last year).</summary>
    public double? CommonLast => Indicators.Any(i => i.LastTime is null) ? null : Indicators.Min(i => i.LastTime);

    public override string Describe() =>
        $"index {Index}: computed on {Rows} rows" + (Condition is null ? "" : $" (if \"{Condition}\" excludes {Excluded})")
        + $"; its {Indicators.Count} indicators all have data in {Year(CommonFirst)}-{Year(CommonLast)}; first-last year with data: "
        + string.Join(", ", Indicators.Select(i => $"{i.Column} {Year(i.FirstTime)}-{Year(i.LastTime)}")) + ".";
}
