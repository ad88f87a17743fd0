namespace Panelwise.Methods.Multiverse;

/// <summary>The specification curve in a few numbers (Simonsohn, Simmons and Nelson 2020): the median estimate, the
/// range, the shares positive and significant at 5% (two-sided p &lt; 0.05) overall and by sign, and the baseline's
/// rank among the estimates sorted ascending (1 = smallest; ties in specification order).</summary>
public sealed record MultiverseSummary
{
    public required int SpecCount { get; init; }
    public required double Median { get; init; }
    public required double Min { get; init; }
    public required double Max { get; init; }
    public required double SharePositive { get; init; }
    public required double ShareSignificant05 { get; init; }
    public required double ShareSignificantPositive05 { get; init; }
    public required double ShareSignificantNegative05 { get; init; }

    /// <summary>The baseline specification's number, when one is marked.</summary>
    public int? BaselineNumber { get; init; }

    /// <summary>The baseline's position in the ascending curve, 1 = smallest estimate.</summary>
    public int? BaselineRank { get; init; }

    /// <summary>Summarises <paramref name="estimates"/>; <paramref name="baseline"/> indexes them.</summary>
    public static MultiverseSummary Of(IReadOnlyList<SpecificationEstimate> estimates, int? baseline)
    {
        var order = CurveOrder(estimates);
        int n = estimates.Count;
        double Share(Func<SpecificationEstimate, bool> p) => (double)estimates.Count(p) / n;
        var sorted = order.Select(i => estimates[i].Estimate).ToArray();
        return new MultiverseSummary
        {
            SpecCount = n,
            Median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
            Min = sorted[0],
            Max = sorted[^1],
            SharePositive = Share(e => e.Estimate > 0),
            ShareSignificant05 = Share(e => e.Significant()),
            ShareSignificantPositive05 = Share(e => e.Significant() && e.Estimate > 0),
            ShareSignificantNegative05 = Share(e => e.Significant() && e.Estimate < 0),
            BaselineNumber = baseline is { } b ? estimates[b].Spec.Number : null,
            BaselineRank = baseline is { } c ? Array.IndexOf(order, c) + 1 : null,
        };
    }

    /// <summary>Indices of <paramref name="estimates"/> sorted by estimate ascending, ties by specification number:
    /// the order of the specification curve.</summary>
    public static int[] CurveOrder(IReadOnlyList<SpecificationEstimate> estimates) =>
        Enumerable.Range(0, estimates.Count).OrderBy(i => estimates[i].Estimate).ThenBy(i => estimates[i].Spec.Number).ToArray();
}
