using Panelwise.Data;
using Panelwise.Design;

namespace Panelwise.Methods.Matching;

/// <summary>Propensity-score matching (Rosenbaum and Rubin 1983) with psmatch2's conventions (Leuven and Sianesi 2003):
/// a logit (or probit) score, nearest-neighbour, radius or kernel matching on it, the ATT with an optional bootstrap
/// standard error, and the pstest balance table. The sample is the rows passing the filter where the treatment, every
/// covariate and the outcome are present.
/// <code>var r = PropensityMatching.Run(frame, new MatchingSpec { Treatment = "treat", Covariates = ["age", "educ"], Outcome = "re78" });</code></summary>
public static class PropensityMatching
{
    public static MatchingResult Run(Frame frame, MatchingSpec spec, string? filter = null, IProgress<string>? progress = null)
    {
        Validate(spec);
        var d = frame.Numeric(spec.Treatment).Values;
        var xs = spec.Covariates.Select(c => frame.Numeric(c).Values).ToList();
        var y = spec.Outcome is null ? null : frame.Numeric(spec.Outcome).Values;
        var keep = string.IsNullOrWhiteSpace(filter) ? Enumerable.Repeat(true, frame.RowCount).ToArray() : RowFilter.Evaluate(frame, filter);
        var rows = Enumerable.Range(0, frame.RowCount)
            .Where(i => keep[i] && !double.IsNaN(d[i]) && xs.All(x => !double.IsNaN(x[i])) && (y is null || !double.IsNaN(y[i]))).ToArray();
        if (rows.Length == 0)
            throw DataException.EmptySample(frame.Source, keep.Contains(true)
                ? $"every row kept has a missing value in {spec.Treatment}, a covariate{(y is null ? "" : " or the outcome")}"
                : "the {If} filter keeps no rows");
        var bad = rows.FirstOrDefault(i => d[i] is not (0 or 1), -1);
        if (bad >= 0) throw new UserInputException($"The treatment {spec.Treatment} must be 0 or 1; row {bad + 1} has {d[bad]}.");
        var dS = rows.Select(i => d[i]).ToArray();
        var xsS = xs.Select(x => rows.Select(i => x[i]).ToArray()).ToList();
        var yS = y is null ? null : rows.Select(i => y[i]).ToArray();
        var treated = dS.Select(v => v == 1).ToArray();
        var notes = new List<Note>();
        var (fit, matches) = MatchingCore.Match(spec.Covariates, xsS, dS, spec, notes, progress);
        notes.Insert(0, new Note(NoteKind.Method, "propensity_score", $"propensity score: {(spec.Probit ? "probit" : "logit")} by maximum likelihood, {fit.Iterations} iteration(s)"));
        int matchedTreated = matches.TreatedMatched;
        int treatedCount = treated.Count(t => t);
        if (matchedTreated == 0)
            throw new UserInputException($"No treated unit was matched{Reason(spec)}, so there is no ATT or balance after matching: " +
                "widen {Caliper} or {Bandwidth}, or drop {CommonSupport}.");
        if (matchedTreated < treatedCount)
            notes.Add(new Note(NoteKind.Method, "unmatched_treated", $"{treatedCount - matchedTreated} treated unit(s) unmatched" + Reason(spec)));
        var weightAfter = matches.Weights;
        var balance = spec.Covariates.Select((name, j) => BalanceTable.Row(name, xsS[j], treated, weightAfter)).ToList();
        var result = new MatchingResult
        {
            Method = spec.Method,
            Propensity = fit,
            SampleRows = rows,
            SampleTreated = treated,
            Pairs = matches.Pairs?.Select(p => new MatchedPair(rows[p.Treated], rows[p.Control], p.Weight)).ToList(),
            SampleWeights = weightAfter,
            Att = yS is null ? double.NaN : MatchingCore.Att(matches, treated, yS, spec.Method),
            Outcome = yS is null || matchedTreated == 0 ? null : BalanceTable.Row(spec.Outcome!, yS, treated, weightAfter),
            Treated = treatedCount,
            TreatedMatched = matchedTreated,
            ControlsUsed = matches.ControlsUsed,
            TreatedWithTies = matches.WithTies,
            Balance = balance,
            Notes = notes,
        };
        if (yS is not null && spec.AbadieImbensNeighbours > 0 && matchedTreated > 0)
        {
            notes.Add(new Note(NoteKind.Method, "att_se_abadie_imbens", $"ATT standard error: Abadie-Imbens (2006), conditional variances from {spec.AbadieImbensNeighbours} same-group neighbour(s); " +
                      "the score is treated as known (psmatch2 ai())"));
            return result with
            {
                AttStdError = AbadieImbensVariance.StdError(matches.Pairs!, fit.Scores, treated, yS, result.Att, spec.AbadieImbensNeighbours),
                AttStdErrorMethod = "abadie-imbens",
            };
        }
        if (yS is null || spec.BootstrapReps == 0) return result;
        var (se, failed) = MatchingBootstrap.Run(spec.Covariates, xsS, dS, yS, spec, progress);
        notes.Add(new Note(NoteKind.Resampling, "att_se_bootstrap", $"ATT standard error: bootstrap, {spec.BootstrapReps} resamples of the {rows.Length} observations (seed {spec.Seed}), " +
                  "score re-estimated in each" + (failed > 0 ? $"; {failed} replicate(s) failed and were skipped" : "")));
        if (spec.Method == MatchingMethod.Nearest)
            notes.Add(new Note(NoteKind.Resampling, "bootstrap_inconsistent", "the bootstrap is not consistent for nearest-neighbour matching with a fixed number of matches (Abadie and Imbens 2008); read it as approximate"));
        return result with { AttStdError = se, AttStdErrorMethod = "bootstrap", BootstrapReps = spec.BootstrapReps, BootstrapFailed = failed };
    }

    private static void Validate(MatchingSpec spec)
    {
        if (spec.Neighbours < 1) throw new UserInputException("The number of neighbours must be at least 1.");
        if (spec.Covariates.Count == 0) throw new UserInputException("The propensity model needs at least one covariate.");
        if (spec.Caliper is double caliper && !(caliper > 0 && double.IsFinite(caliper)))
            throw new UserInputException($"The caliper ({{Caliper}}) must be a positive number; got {caliper}.");
        if (spec.Method == MatchingMethod.Radius && spec.Caliper is null)
            throw new UserInputException("Radius matching needs a caliper ({Caliper} c): every control within c of the treated unit's score is used.");
        if (spec.Method == MatchingMethod.Kernel && !(spec.Bandwidth > 0)) throw new UserInputException("The kernel bandwidth must be positive.");
        if (spec.Method != MatchingMethod.Nearest && !spec.Replace)
            throw new UserInputException("Radius and kernel matching always reuse controls; matching without replacement is for nearest neighbours only.");
        if (spec.Outcome is { } outcome && outcome == spec.Treatment)
            throw new UserInputException($"The outcome '{outcome}' ({{Outcome}}) is the treatment itself ({{Treatment}}): its difference between matched treated and " +
                                         "controls is 1 by construction. Give the outcome variable whose effect you want.") { Column = outcome };
        if (spec.Covariates.FirstOrDefault(c => c == spec.Treatment || c == spec.Outcome) is { } circular)
            throw new UserInputException($"The covariate '{circular}' ({{Covariates}}) is the {(circular == spec.Treatment ? "treatment" : "outcome")} itself: " +
                                         "remove it from the propensity model.") { Column = circular };
        if (spec.BootstrapReps < 0) throw new UserInputException("The number of bootstrap replications must not be negative.");
        if (spec.BootstrapReps > 0 && spec.Outcome is null) throw new UserInputException("A bootstrap standard error of the ATT needs an outcome ({Outcome} Y).");
        if (spec.AbadieImbensNeighbours < 0) throw new UserInputException("The number of Abadie-Imbens variance neighbours ({AbadieImbens} J) must not be negative.");
        if (spec.AbadieImbensNeighbours > 0 && spec.Outcome is null) throw new UserInputException("An Abadie-Imbens standard error of the ATT needs an outcome ({Outcome} Y).");
        if (spec.AbadieImbensNeighbours > 0 && spec.BootstrapReps > 0) throw new UserInputException("Choose one standard error of the ATT: {AbadieImbens} J or {MatchingBootstrap} B.");
        if (spec.AbadieImbensNeighbours > 0 && !(spec.Method == MatchingMethod.Nearest && spec.Replace))
            throw new UserInputException("The Abadie-Imbens standard error is for nearest-neighbour matching with replacement ({MatchingMethod} nearest:K {Replace}); use {MatchingBootstrap} B otherwise.");
    }

    private static string Reason(MatchingSpec spec) => spec.Method switch
    {
        MatchingMethod.Radius => $" (no control within the radius {spec.Caliper})",
        MatchingMethod.Kernel => $" (no control within the bandwidth {spec.Bandwidth})",
        _ => spec.Caliper is { } c ? $" (no control within the caliper {c} or none left)" : "",
    };
}
