namespace Panelwise.Methods.Matching;

/// <summary>The score-and-match pipeline on sample-indexed arrays, shared by <see cref="PropensityMatching"/> and
/// <see cref="MatchingBootstrap"/> so that every bootstrap replicate re-estimates exactly what the point estimate did.</summary>
internal static class MatchingCore
{
    public static (PropensityFit Fit, Matches Matches) Match(
        IReadOnlyList<string> names, IReadOnlyList<double[]> xs, double[] d, MatchingSpec spec, List<Note>? notes,
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
            return (fit, Matches.FromPairs(pairs, treated.Length, withTies));
        }
        // Radius and kernel: weights in O((T + C) log) from the sorted scores; the pairs (O(Σ window), up to T·C) only on request.
        var weights = RadiusKernelWeights.Compute(fit.Scores, treated, eligible, spec);
        var listed = spec.KeepPairs ? RadiusKernelMatcher.Match(fit.Scores, treated, eligible, spec, progress) : null;
        return (fit, Matches.FromWeights(weights, treated, listed));
    }

    /// <summary>ATT = mean over matched treated of y_t - Σ_c w_tc y_c (NaN when nobody is matched). Nearest neighbours sum
    /// their pairs; radius and kernel use the equal form (Σ_t y_t - Σ_c K_c y_c) / N₁ with K_c = Σ_t w_tc.</summary>
    public static double Att(Matches matches, bool[] treated, double[] y, MatchingMethod method)
    {
        if (matches.TreatedMatched == 0) return double.NaN;
        if (method == MatchingMethod.Nearest)
            return matches.Pairs!.GroupBy(p => p.Treated).Average(g => y[g.Key] - g.Sum(p => p.Weight * y[p.Control]));
        double treatedSum = 0, controlSum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (matches.Weights[i] == 0) continue;
            if (treated[i]) treatedSum += y[i]; else controlSum += matches.Weights[i] * y[i];
        }
        return (treatedSum - controlSum) / matches.TreatedMatched;
    }

    /// <summary>Treated units inside the controls' score range [min, max]; all of them unless common support is asked for.
    /// The count off support is always noted.</summary>
    private static bool[] Support(double[] scores, bool[] treated, bool enforce, List<Note>? notes)
    {
        var controlScores = scores.Where((_, i) => !treated[i]).ToArray();
        if (controlScores.Length == 0) throw new UserInputException("There are no control observations to match with.");
        double low = controlScores.Min(), high = controlScores.Max();
        var eligible = scores.Select((p, i) => !treated[i] || !enforce || (p >= low && p <= high)).ToArray();
        int off = scores.Where((p, i) => treated[i] && (p < low || p > high)).Count();
        if (off > 0) notes?.Add(new Note(NoteKind.Method, "off_support", $"{off} treated unit(s) outside the controls' score range [{low:G6}, {high:G6}]" + (enforce ? ": dropped (common support)" : "")));
        return eligible;
    }
}
