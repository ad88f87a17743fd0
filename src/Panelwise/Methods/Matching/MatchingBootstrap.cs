namespace Panelwise.Methods.Matching;

/// <summary>Bootstrap standard error of the ATT: B resamples of the sample's rows with replacement (seeded), each
/// re-estimating the propensity score, the matches and the ATT, as <c>bootstrap r(att): psmatch2 ...</c> does in Stata;
/// SE = standard deviation of the replicate ATTs (Efron and Tibshirani 1993). Replicates where the score model fails
/// (separation, no variation in D) or nobody is matched are skipped and counted. Caveat: for nearest-neighbour matching
/// with a fixed number of matches the bootstrap is not consistent in general (Abadie and Imbens 2008, Econometrica 76);
/// it is the common applied practice and is valid for the smooth kernel estimator. Cost: B passes of resampling plus
/// the score model's IRLS passes, and the matching in O(n log n) per replicate (radius and kernel without pairs).</summary>
internal static class MatchingBootstrap
{
    public static (double StdError, int Failed) Run(IReadOnlyList<string> names, IReadOnlyList<double[]> xs, double[] d, double[] y,
        MatchingSpec spec, IProgress<string>? progress)
    {
        var random = new Random(spec.Seed);
        int n = d.Length, failed = 0;
        var estimates = new List<double>(spec.BootstrapReps);
        for (int rep = 0; rep < spec.BootstrapReps; rep++)
        {
            var draw = new int[n];
            for (int i = 0; i < n; i++) draw[i] = random.Next(n);
            var dB = draw.Select(i => d[i]).ToArray();
            var xsB = xs.Select(x => draw.Select(i => x[i]).ToArray()).ToList();
            try
            {
                var (_, matches) = MatchingCore.Match(names, xsB, dB, spec with { KeepPairs = false }, null);
                double att = MatchingCore.Att(matches, dB.Select(v => v == 1).ToArray(), draw.Select(i => y[i]).ToArray(), spec.Method);
                if (double.IsFinite(att)) estimates.Add(att); else failed++;
            }
            catch (UserInputException)
            {
                failed++;
            }
            if ((rep + 1) % 10 == 0) progress?.Report($"bootstrap {rep + 1}/{spec.BootstrapReps}");
        }
        if (estimates.Count < 2) return (double.NaN, failed);
        double mean = estimates.Average();
        return (Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Count - 1)), failed);
    }
}
