namespace Panelwise.Methods.Matching;

/// <summary>The score-and-match pipeline on sample-indexed arrays, shared by <see cref="PropensityMatching"/> and
/// <see cref="MatchingBootstrap"/> so that every bootstrap replicate re-estimates exactly what the point estimate did.</summary>
internal static class MatchingCore
{
    public static (PropensityFit Fit, List<(int Treated, int Control, double Weight)> Pairs, int WithTies) Match(
        IReadOnlyList<string> names, IReadOnlyList<double[]> xs, double[] d, MatchingSpec spec, List<string>? notes,
        IProgress<string>? progress = null)
    {
        // Named here, where the treatment's column is known (the score model only sees the 0/1 values).
        if (d.Length > 0 && d.Distinct().Count() == 1)
            throw new UserInputException($"The treatment '{spec.Treatment}' does not vary in the sample: every observation is {(d[0] == 1 ? "treated" : "a control")}. " +
                                         "Check the sample filter or the treatment column.") { Column = spec.Treatment };
        var fit = PropensityModel.Fit(names, xs, d, spec.Probit);
        var treated = d.Select(v => v == 1).ToArray();
        var eligible = Support(fit.Scores, treated, spec.CommonSupport, notes);
        if (spec.Method == MatchingMethod.Nearest)
        {
            var (pairs, withTies) = NearestNeighbourMatcher.Match(fit.Scores, treated, eligible, spec, progress);
            return (fit, pairs, withTies);
        }
        return (fit, RadiusKernelMatcher.Match(fit.Scores, treated, eligible, spec, progress), 0);
    }

    /// <summary>ATT = mean over matched treated of y_t - Σ_c w_tc y_c (NaN when nobody is matched).</summary>
    public static double Att(IEnumerable<(int Treated, int Control, double Weight)> pairs, double[] y)
    {
        var groups = pairs.GroupBy(p => p.Treated).ToList();
        return groups.Count == 0 ? double.NaN : groups.Average(g => y[g.Key] - g.Sum(p => p.Weight * y[p.Control]));
    }

    /// <summary>Treated units inside the controls' score range [min, max]; all of them unless common support is asked for.
    /// The count off support is always noted.</summary>
    private static bool[] Support(double[] scores, bool[] treated, bool enforce, List<string>? notes)
    {
        var controlScores = scores.Where((_, i) => !treated[i]).ToArray();
        if (controlScores.Length == 0) throw new UserInputException("There are no control observations to match with.");
        double low = controlScores.Min(), high = controlScores.Max();
        var eligible = scores.Select((p, i) => !treated[i] || !enforce || (p >= low && p <= high)).ToArray();
        int off = scores.Where((p, i) => treated[i] && (p < low || p > high)).Count();
        if (off > 0) notes?.Add($"{off} treated unit(s) outside the controls' score range [{low:G6}, {high:G6}]" + (enforce ? ": dropped (common support)" : ""));
        return eligible;
    }
}
