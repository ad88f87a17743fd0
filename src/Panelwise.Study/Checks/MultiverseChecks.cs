using System.Globalization;
using Panelwise.Methods.Multiverse;

namespace Panelwise.Study;

/// <summary>The referee's check of a multiverse table, one per table (column 0: the table as a whole): how much of
/// the specification curve is significant, and where the baseline specification falls in it, as a rank (1 = smallest
/// estimate) and a percentile (0 = smallest, 100 = largest). Its kind says what needs attention: "baseline_extreme"
/// when the baseline lies in the most extreme tenth of a curve of at least ten specifications (either end: the paper's
/// headline estimate is not what reasonable alternatives give); "baseline_fragile" when the baseline is significant
/// at 5% but fewer than half of the specifications are significant with its sign; "specification_curve" otherwise
/// (Simonsohn, Simmons and Nelson 2020: report the curve, not only the baseline).</summary>
internal static class MultiverseChecks
{
    /// <summary>A baseline whose percentile lies in this share of the curve at either end is called extreme.</summary>
    public const double ExtremeShare = 0.1;

    /// <summary>Curves shorter than this have no meaningful extreme tenth.</summary>
    public const int ExtremeMinimum = 10;

    /// <summary>The baseline's percentile in the curve: the share of the other specifications with a smaller estimate
    /// (ties in specification order), times 100; 50 for a curve of one.</summary>
    public static double Percentile(int rank, int count) => count == 1 ? 50 : 100.0 * (rank - 1) / (count - 1);

    public static IEnumerable<StudyCheck> Find(string table, MultiverseResult result)
    {
        var s = result.Summary;
        string message = $"{s.SpecCount} specifications ({result.FitCount} model fits): {Percent(s.ShareSignificant05)} significant at 5% "
                         + $"({Percent(s.ShareSignificantPositive05)} positive, {Percent(s.ShareSignificantNegative05)} negative), "
                         + $"median estimate {Number(s.Median)} (range {Number(s.Min)} to {Number(s.Max)}).";
        string kind = "specification_curve";
        if (result.Baseline is { } baseline && s.BaselineRank is { } rank)
        {
            double percentile = Percentile(rank, s.SpecCount);
            message += $" The baseline (specification {baseline.Spec.Number}: {Multiverse.Describe(baseline.Spec)}) ranks {rank} of {s.SpecCount} "
                       + $"(1 = smallest estimate), percentile {percentile.ToString("0.#", CultureInfo.InvariantCulture)} (0 = smallest, 100 = largest); "
                       + $"its estimate {Number(baseline.Estimate)}{(baseline.Significant() ? $" (p = {Number(baseline.PValue)})" : $", not significant at 5% (p = {Number(baseline.PValue)})")}.";
            double sameSign = baseline.Estimate > 0 ? s.ShareSignificantPositive05 : s.ShareSignificantNegative05;
            if (s.SpecCount >= ExtremeMinimum && (percentile <= 100 * ExtremeShare || percentile >= 100 * (1 - ExtremeShare)))
            {
                kind = "baseline_extreme";
                message += $" It lies in the most extreme tenth of the curve: it {(percentile >= 50 ? "overstates" : "understates")} the effect that reasonable "
                           + "alternative specifications give; report the curve and its median beside it.";
            }
            else if (baseline.Significant() && sameSign < 0.5)
            {
                kind = "baseline_fragile";
                message += $" Only {Percent(sameSign)} of the specifications are significant with its sign: the result depends on the choices; "
                           + "report the curve and say which choices it needs.";
            }
            else message += " It lies inside the curve, not at an end.";
        }
        yield return new StudyCheck(table, 0, null, kind, message);
    }

    private static string Number(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
