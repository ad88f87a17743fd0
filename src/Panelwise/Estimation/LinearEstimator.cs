using Panelwise.Absorb;
using System.Diagnostics;
using Panelwise.Numerics;

namespace Panelwise.Estimation;

/// <summary>OLS with optional absorbed fixed effects (the reghdfe model). With fixed effects, the response and the
/// regressors are demeaned by alternating projections and their grand means added back, so the intercept is
/// Stata's <c>_cons</c> = ȳ - x̄'b and gets a standard error (xtreg, fe / reghdfe).</summary>
public static class LinearEstimator
{
    public const string InterceptName = "_cons";

    public static LinearFit Fit(LinearProblem problem, EstimationOptions? options = null)
    {
        options ??= new EstimationOptions();
        var notes = new List<Note>(problem.Notes);
        var timings = new List<PhaseTime>();
        var clock = Stopwatch.StartNew();
        problem = DropSingletons(problem, options, notes);
        Lap(timings, "singletons", clock);
        int n = problem.Response.Length;
        if (n == 0) throw EstimationException.EmptySample();
        bool absorb = problem.FixedEffects.Count > 0;
        bool intercept = problem.Intercept || absorb;
        var w = problem.Weights;
        var y = problem.Response;
        var xs = problem.Regressors;
        // Regressors far from unit scale are brought into range by a power of two (the estimator owns the arrays).
        var regressorScales = ColumnEquilibration.ScaleInPlace(xs);
        bool centredTotal = problem.CentredTotal ?? intercept;
        double tss = double.NaN;
        double tssWithin = double.NaN;
        double[]? referenceNorms = null;
        double[]? withinShare = null;
        SolveReport? report = null;
        double totalWeight = w is null ? n : w.Sum();
        // Transformed responses (first differences, unit means) are checked here: d(year) is constant though year is not.
        if (centredTotal && n > 1) DegenerateModel.CheckVaries(problem.ResponseName, y);
        if (absorb)
        {
            var solver = FixedEffectSolver.Create(problem.FixedEffects, w, options.Absorb);
            var columns = new List<double[]>(xs.Count + 1) { y };
            columns.AddRange(xs);
            // The raw total sum of squares (no centring) must be taken before y is demeaned.
            if (!centredTotal) tss = ColumnMoments.SumOfSquares(y, w, 0);
            var (means, centred, withinSquares) = (new double[columns.Count], new double[columns.Count], new double[columns.Count]);
            report = DemeanAroundMeans(solver, columns, w, means, centred, withinSquares, options);
            if (centredTotal) tss = centred[0];
            referenceNorms = new double[columns.Count];
            referenceNorms[0] = 1;
            for (int j = 1; j < columns.Count; j++) referenceNorms[j] = ReferenceNorm(centred[j], means[j], totalWeight);
            Lap(timings, "absorb", clock);
            if (!report.Converged)
                throw EstimationException.NotConverged(report.Iterations, report.AchievedTolerance, options.Absorb.Tolerance, report.Method);
            tssWithin = withinSquares[0];
            DegenerateModel.CheckNotAbsorbed(problem.ResponseName, centred[0], tssWithin, options.CollinearityTolerance ?? 1e-7,
                problem.FixedEffects.Select(f => f.Name));
            withinShare = new double[xs.Count];
            for (int j = 0; j < xs.Count; j++) withinShare[j] = Math.Sqrt(withinSquares[j + 1]) / referenceNorms[j + 1];
            notes.Add(EstimationNotes.Absorbed(report.Iterations <= 1 && report.AchievedTolerance == 0
                ? $"Fixed effects absorbed exactly ({report.Method})."
                : $"Fixed effects absorbed by {report.Method}: {report.Iterations} iteration(s), achieved tolerance {report.AchievedTolerance:g2}" +
                  (report.EstimatedError is double err ? $", estimated relative error of the demeaned columns {err:g2}." : ".")));
            notes.AddRange(DegreesOfFreedomNotes(problem.FixedEffects));
        }
        if (!absorb) tss = SumOfSquares(y, w, centredTotal);
        var names = new List<string>();
        var design = new List<double[]>();
        var refs = new List<double>();
        if (intercept)
        {
            var ones = new double[n];
            // Most of the cost is faulting in fresh pages: fill the halves on both cores.
            int half = n / 2;
            Parallel.Invoke(ParallelOver(options), () => ones.AsSpan(0, half).Fill(1.0), () => ones.AsSpan(half).Fill(1.0));
            names.Add(InterceptName);
            design.Add(ones);
            refs.Add(Math.Sqrt(totalWeight));
        }
        for (int j = 0; j < xs.Count; j++)
        {
            names.Add(problem.RegressorNames[j]);
            design.Add(xs[j]);
            refs.Add(referenceNorms is null ? ColumnNorm(xs[j], w, intercept, totalWeight) : referenceNorms[j + 1]);
        }
        if (design.Count == 0) throw EstimationException.NoRegressors(problem.ResponseName, []);
        double tol = options.CollinearityTolerance ?? (absorb ? 1e-7 : 1e-10);
        // Absorbing consumed y (demeaned in place): its array takes the residuals instead of a fresh one of N rows.
        var residuals = absorb && !design.Any(c => ReferenceEquals(c, y)) ? y : null;
        var fit = LeastSquares.Fit(design, y, w, refs.ToArray(), tol, options.Threads, residuals);
        Lap(timings, "solve", clock);
        var kept = fit.Kept.Select(k => names[k]).ToList();
        var dropped = fit.Dropped.Select(k => names[k]).ToList();
        double tolUsed = tol;
        foreach (int d in fit.Dropped)
            notes.Add(EstimationNotes.Collinear(names[d],
                withinShare is not null && names[d] != InterceptName && withinShare[d - (intercept ? 1 : 0)] <= tolUsed));
        if (kept.Count == 0) throw EstimationException.NoRegressors(problem.ResponseName, dropped);
        double ssr = SumOfSquares(fit.Residuals, w, centred: false);
        if (!double.IsFinite(ssr) || !double.IsFinite(tss) || (absorb && !double.IsFinite(tssWithin)))
            throw EstimationException.SquaresOverflow(problem.ResponseName);
        var scales = regressorScales is null ? null
            : fit.Kept.Select(k => intercept ? (k == 0 ? 1 : regressorScales[k - 1]) : regressorScales[k]).ToArray();
        var coefficients = scales is null ? fit.Coefficients : fit.Coefficients.Select((b, j) => b * scales[j]).ToArray();
        int absorbedDof = DegreesOfFreedom.Absorbed(problem.FixedEffects);
        if (n - kept.Count - absorbedDof <= 0) throw EstimationException.TooFewObservations(n, kept.Count + absorbedDof);
        return new LinearFit
        {
            Formula = problem.Formula,
            ResponseName = problem.ResponseName,
            Terms = kept,
            ReportOrder = kept.Where(t => t != InterceptName).Concat(kept.Where(t => t == InterceptName)).ToList(),
            Coefficients = coefficients,
            Bread = fit.Bread,
            Scales = scales,
            Columns = fit.Kept.Select(k => design[k]).ToList(),
            Residuals = fit.Residuals,
            Weights = w,
            Nobs = n,
            HasIntercept = kept.Contains(InterceptName),
            DroppedTerms = dropped,
            FixedEffects = problem.FixedEffects,
            Clusters = problem.Clusters,
            Panel = problem.Panel,
            Ssr = ssr,
            Tss = tss,
            TssWithin = tssWithin,
            AbsorbReport = report,
            SolverMethod = fit.Method,
            Notes = notes,
            Timings = timings,
            AbsorbedDof = absorbedDof,
        };
    }

    /// <summary>Demeans the columns and adds their means back, with each column's mean and centred sum of squares
    /// (before) and within sum of squares (after): from the solver's own passes when it offers them, else one pass per
    /// column first.</summary>
    private static SolveReport DemeanAroundMeans(IFixedEffectSolver solver, List<double[]> columns, double[]? w,
        double[] means, double[] centred, double[] withinSquares, EstimationOptions options)
    {
        if (solver.TryDemeanAroundMeans(columns, means, centred, withinSquares) is { } report) return report;
        Parallel.For(0, columns.Count, ParallelOver(options), j => (means[j], centred[j]) = ColumnMoments.MeanAndSquares(columns[j], w));
        return solver.DemeanAndShift(columns, w, means, withinSquares);
    }

    /// <summary>The mobility groups behind the absorbed degrees of freedom, and whether the count is exact.</summary>
    private static IEnumerable<Note> DegreesOfFreedomNotes(IReadOnlyList<FixedEffect> effects)
    {
        if (effects.Count < 2) yield break;
        int groups = FixedEffectGraph.Components(effects[0], effects[1]);
        yield return new Note(NoteKind.FixedEffects, "mobility_groups",
            $"Mobility groups: {groups} connected component(s) of the {effects[0].Name} x {effects[1].Name} graph.", [effects[0].Name, effects[1].Name]);
        if (effects.Count > 2)
            yield return new Note(NoteKind.FixedEffects, "absorbed_dof", $"Absorbed degrees of freedom {DegreesOfFreedom.Absorbed(effects)}: exact for the first two effects, " +
                $"an upper bound beyond (each further effect counts its levels less its most components with an earlier one); " +
                $"all {effects.Count} effects form {FixedEffectGraph.Components(effects)} connected component(s).", [.. effects.Select(e => e.Name)]);
    }

    private static ParallelOptions ParallelOver(EstimationOptions options) =>
        new() { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };

    private static void Lap(List<PhaseTime> timings, string phase, Stopwatch clock)
    {
        timings.Add(new PhaseTime(phase, clock.Elapsed.TotalSeconds));
        clock.Restart();
    }

    private static LinearProblem DropSingletons(LinearProblem problem, EstimationOptions options, List<Note> notes)
    {
        if (!options.DropSingletons || problem.FixedEffects.Count == 0) return problem;
        int n = problem.Response.Length;
        var (keep, dropped) = SingletonFilter.Find(problem.FixedEffects, n);
        if (dropped == 0) return problem;
        int kept = n - dropped;
        notes.Add(EstimationNotes.Singletons(dropped));
        return problem with
        {
            Response = Filter(problem.Response, keep, kept),
            Regressors = problem.Regressors.Select(x => Filter(x, keep, kept)).ToList(),
            Weights = problem.Weights is null ? null : Filter(problem.Weights, keep, kept),
            FixedEffects = problem.FixedEffects.Select(fe => fe.Filter(keep, kept)).ToList(),
            Clusters = problem.Clusters.Select(c => c.Filter(keep, kept)).ToList(),
            Panel = problem.Panel?.Filter(keep),
        };
    }

    private static double[] Filter(double[] x, bool[] keep, int kept)
    {
        var r = new double[kept];
        int j = 0;
        for (int i = 0; i < x.Length; i++) if (keep[i]) r[j++] = x[i];
        return r;
    }

    private static double SumOfSquares(double[] x, double[]? w, bool centred) =>
        ColumnMoments.SumOfSquares(x, w, centred ? ColumnMoments.Mean(x, w) : 0);

    /// <summary>The reference norm of x about its mean (<paramref name="centred"/>) or about 0.</summary>
    private static double ColumnNorm(double[] x, double[]? w, bool centred, double totalWeight)
    {
        double mean = centred ? ColumnMoments.Mean(x, w) : 0;
        return ReferenceNorm(ColumnMoments.SumOfSquares(x, w, mean), mean, totalWeight);
    }

    /// <summary>What a column's kept share is judged against: its norm about its mean; for a constant column, whose
    /// centred norm is zero, its raw norm √(Σw x²) = √(centred + W x̄²), so that it is dropped, not divided by 0.</summary>
    private static double ReferenceNorm(double centredSquares, double mean, double totalWeight) =>
        Math.Sqrt(centredSquares > 0 || mean == 0 ? centredSquares : centredSquares + totalWeight * mean * mean);
}
