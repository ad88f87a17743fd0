using Panelwise.Data;
using Panelwise.Design;

namespace Panelwise.Methods.Matching;

/// <summary>Propensity-score matching (Rosenbaum and Rubin 1983) with psmatch2's conventions: a logit (or probit)
/// score, nearest-neighbour matching on it with or without replacement, the ATT, and the pstest balance table.
/// The sample is the rows passing the filter where the treatment, every covariate and the outcome are present.
/// <code>var r = PropensityMatching.Run(frame, new MatchingSpec { Treatment = "treat", Covariates = ["age", "educ"], Outcome = "re78" });</code></summary>
public static class PropensityMatching
{
    public static MatchingResult Run(Frame frame, MatchingSpec spec, string? filter = null)
    {
        if (spec.Neighbours < 1) throw new ArgumentException("The number of neighbours must be at least 1.");
        if (spec.Covariates.Count == 0) throw new ArgumentException("The propensity model needs at least one covariate.");
        var d = frame.Numeric(spec.Treatment).Values;
        var xs = spec.Covariates.Select(c => frame.Numeric(c).Values).ToList();
        var y = spec.Outcome is null ? null : frame.Numeric(spec.Outcome).Values;
        var keep = string.IsNullOrWhiteSpace(filter) ? Enumerable.Repeat(true, frame.RowCount).ToArray() : RowFilter.Evaluate(frame, filter);
        var rows = Enumerable.Range(0, frame.RowCount)
            .Where(i => keep[i] && !double.IsNaN(d[i]) && xs.All(x => !double.IsNaN(x[i])) && (y is null || !double.IsNaN(y[i]))).ToArray();
        var bad = rows.FirstOrDefault(i => d[i] is not (0 or 1), -1);
        if (bad >= 0) throw new ArgumentException($"The treatment {spec.Treatment} must be 0 or 1; row {bad + 1} has {d[bad]}.");
        var treated = rows.Select(i => d[i] == 1).ToArray();
        var fit = PropensityModel.Fit(spec.Covariates, xs.Select(x => rows.Select(i => x[i]).ToArray()).ToList(),
            rows.Select(i => d[i]).ToArray(), spec.Probit);
        var scores = fit.Scores;
        var notes = new List<string> { $"propensity score: {(spec.Probit ? "probit" : "logit")} by maximum likelihood, {fit.Iterations} iteration(s)" };
        var eligible = Support(scores, treated, spec.CommonSupport, notes);
        var (pairs, withTies) = NearestNeighbourMatcher.Match(scores, treated, eligible, spec);
        int matchedTreated = pairs.Select(p => p.Treated).Distinct().Count();
        int treatedCount = treated.Count(t => t);
        if (matchedTreated < treatedCount)
            notes.Add($"{treatedCount - matchedTreated} treated unit(s) unmatched" + (spec.Caliper is { } c ? $" (no control within the caliper {c} or none left)" : ""));
        var weightAfter = new double[rows.Length];
        foreach (var p in pairs) { weightAfter[p.Treated] = 1; weightAfter[p.Control] += p.Weight; }
        double att = double.NaN;
        if (y is not null && matchedTreated > 0)
            att = pairs.GroupBy(p => p.Treated).Average(g => y[rows[g.Key]] - g.Sum(p => p.Weight * y[rows[p.Control]]));
        var balance = spec.Covariates.Select((name, j) => BalanceTable.Row(name, rows.Select(i => xs[j][i]).ToArray(), treated, weightAfter)).ToList();
        return new MatchingResult
        {
            Propensity = fit,
            SampleRows = rows,
            Pairs = pairs.Select(p => new MatchedPair(rows[p.Treated], rows[p.Control], p.Weight)).ToList(),
            Att = att,
            Treated = treatedCount,
            TreatedMatched = matchedTreated,
            ControlsUsed = pairs.Select(p => p.Control).Distinct().Count(),
            TreatedWithTies = withTies,
            Balance = balance,
            Notes = notes,
        };
    }

    /// <summary>Treated units inside the controls' score range [min, max]; all of them unless common support is asked for.
    /// The count off support is always noted.</summary>
    private static bool[] Support(double[] scores, bool[] treated, bool enforce, List<string> notes)
    {
        var controlScores = scores.Where((_, i) => !treated[i]).ToArray();
        if (controlScores.Length == 0) throw new ArgumentException("There are no control observations to match with.");
        double low = controlScores.Min(), high = controlScores.Max();
        var eligible = scores.Select((p, i) => !treated[i] || !enforce || (p >= low && p <= high)).ToArray();
        int off = scores.Where((p, i) => treated[i] && (p < low || p > high)).Count();
        if (off > 0) notes.Add($"{off} treated unit(s) outside the controls' score range [{low:G6}, {high:G6}]" + (enforce ? ": dropped (common support)" : ""));
        return eligible;
    }
}
