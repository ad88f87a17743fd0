using MathNet.Numerics.Distributions;
using Panelwise.Numerics;

namespace Panelwise.Methods.Resampling;

/// <summary>A 95% bootstrap interval of a statistic from its B replicates: percentile (the 2.5th and 97.5th
/// percentiles of the replicates, Stata _pctile definition) and bias-corrected (Efron 1982; Stata
/// <c>estat bootstrap, bc</c>): z0 = Φ⁻¹(#{θ* ≤ θ̂}/B), limits at the Φ(2z0 ∓ 1.96) percentiles.</summary>
/// <param name="Reps">Replicates that produced a value.</param>
/// <param name="Failed">Replicates where the statistic could not be computed (e.g. a collinear resample); left out.</param>
/// <param name="Low">Percentile lower limit.</param>
/// <param name="High">Percentile upper limit.</param>
/// <param name="BiasCorrectedLow">Bias-corrected lower limit.</param>
/// <param name="BiasCorrectedHigh">Bias-corrected upper limit.</param>
/// <param name="StdError">Standard deviation of the replicates (n-1 divisor).</param>
public sealed record BootstrapInterval(int Reps, int Failed, double Low, double High, double BiasCorrectedLow, double BiasCorrectedHigh, double StdError)
{
    /// <summary>The intervals from <paramref name="replicates"/> (NaN = failed) around the estimate <paramref name="estimate"/>.</summary>
    public static BootstrapInterval From(IReadOnlyList<double> replicates, double estimate, double level = 0.95)
    {
        var values = replicates.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(values);
        int b = values.Length;
        if (b < 2) return new BootstrapInterval(b, replicates.Count - b, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double alpha = (1 - level) / 2;
        double zAlpha = Normal.InvCDF(0, 1, 1 - alpha);
        double z0 = Normal.InvCDF(0, 1, values.Count(v => v <= estimate) / (double)b);
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (b - 1));
        return new BootstrapInterval(b, replicates.Count - b,
            StataPercentile.OfSorted(values, alpha), StataPercentile.OfSorted(values, 1 - alpha),
            StataPercentile.OfSorted(values, Normal.CDF(0, 1, 2 * z0 - zAlpha)),
            StataPercentile.OfSorted(values, Normal.CDF(0, 1, 2 * z0 + zAlpha)), sd);
    }
}
