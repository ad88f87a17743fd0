using Panelwise.Data;
using Panelwise.Methods.Resampling;
using Panelwise.Models;

namespace Panelwise.Methods.Multiverse;

/// <summary>The joint test of a specification curve (Simonsohn, Simmons and Nelson 2020, "inference with the
/// specification curve"): is the curve more extreme than it would be if the focal term had no effect anywhere?
/// The null is built by removing each specification's estimated effect from its outcome, y* = y - b_s x, and
/// resampling clusters (units) with replacement, each drawn copy a unit of its own (Stata's idcluster). Because x is
/// a regressor, fitting y* on the resample gives b*_s - b_s with the same standard error and interval shifted by
/// b_s, so each draw refits the original multiverse and shifts. Two statistics, one-sided in the observed median's
/// direction: the median estimate, and the number of specifications significant at 5% (two-sided) in that
/// direction; each p-value is the share of draws at least as extreme. Draws in which a specification cannot be
/// fitted are left out and counted.</summary>
public static class JointTest
{
    /// <summary>Runs <paramref name="draws"/> draws (seeded) for <paramref name="observed"/>, fitted on
    /// <paramref name="frame"/> with <paramref name="options"/>; <paramref name="cluster"/> is the resampled unit
    /// column (null: rows).</summary>
    public static JointTestResult Run(Frame frame, MultiverseResult observed, FitOptions options, int draws, int seed, string? cluster)
    {
        if (draws < 1) throw new UserInputException("The joint test needs at least one bootstrap draw; got " + draws + ".");
        if (cluster is not null && !frame.Contains(cluster))
            throw new UserInputException($"The joint test resamples clusters of '{cluster}', which is not a column of the data.") { Column = cluster };
        var estimates = observed.Estimates;
        int n = estimates.Count, direction = observed.Summary.Median >= 0 ? 1 : -1;
        int observedCount = CountSignificant(estimates, e => e.ConfLow, e => e.ConfHigh, direction);
        var resampler = new FrameResampler(frame, cluster, seed);
        var medians = new List<double>(draws);
        var counts = new List<int>(draws);
        var shifted = new double[n];
        for (int d = 0; d < draws; d++)
        {
            var sample = resampler.Next(cluster is null ? null : CopyColumn);
            if (cluster is not null) sample = sample.With(new NumericColumn(cluster, sample.Numeric(CopyColumn).Values));
            SpecificationEstimate[] star;
            try
            {
                star = Multiverse.FitAll(sample, observed.Fits, observed.Vcovs, options, n, out _);
            }
            catch (UserInputException)
            {
                continue;
            }
            for (int s = 0; s < n; s++) shifted[s] = star[s].Estimate - estimates[s].Estimate;
            medians.Add(Median(shifted));
            counts.Add(CountSignificant(star, e => e.ConfLow - estimates[e.Spec.Number - 1].Estimate,
                e => e.ConfHigh - estimates[e.Spec.Number - 1].Estimate, direction));
        }
        if (medians.Count == 0)
            throw new UserInputException("No bootstrap draw of the joint test could fit every specification (e.g. too few clusters drawn); "
                + "drop specifications that fail on small samples or resample by another unit.");
        return new JointTestResult
        {
            Draws = draws,
            DrawsUsed = medians.Count,
            Seed = seed,
            ResampledBy = cluster,
            Direction = direction,
            Median = observed.Summary.Median,
            MedianPValue = (double)medians.Count(m => direction * m >= direction * observed.Summary.Median) / medians.Count,
            SignificantCount = observedCount,
            SignificantPValue = (double)counts.Count(c => c >= observedCount) / counts.Count,
            DrawMedians = medians,
            DrawCounts = counts,
        };
    }

    private const string CopyColumn = "__multiverse_copy";

    private static int CountSignificant(IEnumerable<SpecificationEstimate> rows, Func<SpecificationEstimate, double> low,
        Func<SpecificationEstimate, double> high, int direction) =>
        rows.Count(e => direction > 0 ? low(e) > 0 : high(e) < 0);

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

/// <summary>The joint test's result: draws asked and used, the seed and resampled unit, the direction tested (+1 when
/// the observed median is positive), the observed median and number significant in that direction with their
/// bootstrap p-values, and each used draw's statistics.</summary>
public sealed record JointTestResult
{
    public required int Draws { get; init; }
    public required int DrawsUsed { get; init; }
    public required int Seed { get; init; }
    public required string? ResampledBy { get; init; }
    public required int Direction { get; init; }
    public required double Median { get; init; }
    public required double MedianPValue { get; init; }
    public required int SignificantCount { get; init; }
    public required double SignificantPValue { get; init; }
    public required IReadOnlyList<double> DrawMedians { get; init; }
    public required IReadOnlyList<int> DrawCounts { get; init; }
}
