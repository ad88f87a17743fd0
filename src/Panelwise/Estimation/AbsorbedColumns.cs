using System.Diagnostics;
using Panelwise.Absorb;
using Panelwise.Numerics;

namespace Panelwise.Estimation;

/// <summary>The columns of one estimation sample with singletons dropped and the fixed effects absorbed once (means
/// added back), and what the least-squares step needs of each column: its reference norm and within share (for
/// collinearity), and, for a response, its total and within sums of squares. <see cref="LinearEstimator.Fit"/> prepares
/// one model's columns here; <see cref="LinearEstimator.FitEach"/> prepares the union of several models' columns, so
/// models with the same fixed effects, sample and weights are absorbed once. Every statistic is per column, so a
/// column's numbers do not depend on which other columns were prepared with it.</summary>
internal sealed class AbsorbedColumns
{
    private AbsorbedColumns() { }

    /// <summary>Column names: the problem's response, then its regressors.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>The columns on the sample (singletons dropped): demeaned with their means added back when there are
    /// fixed effects, as given otherwise; regressor-only columns equilibrated (<see cref="Scales"/>).</summary>
    public required IReadOnlyList<double[]> Columns { get; init; }

    /// <summary>The power of two each column was multiplied by (1 for responses), or null when none was.</summary>
    public double[]? Scales { get; init; }

    /// <summary>The norm collinearity is judged against, per column used as a regressor (NaN for response-only columns).</summary>
    public required double[] ReferenceNorms { get; init; }

    /// <summary>√(within squares) / reference norm per column with fixed effects, else null: a kept share at most the
    /// tolerance means the column was collinear with the fixed effects.</summary>
    public double[]? WithinShare { get; init; }

    /// <summary>Total sum of squares per response column (centred or raw as the model's R² needs; NaN otherwise).</summary>
    public required double[] TotalSquares { get; init; }

    /// <summary>Sum of squares after absorbing, per column (NaN without fixed effects).</summary>
    public required double[] WithinSquares { get; init; }

    public required double[]? Weights { get; init; }
    public required bool Intercept { get; init; }
    public required bool Absorbs { get; init; }
    public required double TotalWeight { get; init; }

    /// <summary>The constant column of length N (null without an intercept), shared by every model.</summary>
    public double[]? Ones { get; init; }

    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }
    public required IReadOnlyList<FixedEffect> Clusters { get; init; }
    public PanelCodes? Panel { get; init; }
    public SolveReport? Report { get; init; }

    /// <summary>Degrees of freedom absorbed by the fixed effects (counted once: a pass over the data).</summary>
    public required int AbsorbedDof { get; init; }

    /// <summary>Notes so far: the problem's, singletons, absorption, degrees of freedom.</summary>
    public required IReadOnlyList<Note> Notes { get; init; }

    /// <summary>Phases so far (singletons, absorb).</summary>
    public required IReadOnlyList<PhaseTime> Timings { get; init; }

    /// <summary>Started when the preparation ended, so the first solve's phase includes what follows it.</summary>
    public required Stopwatch Clock { get; init; }

    public int RowCount => Columns[0].Length;

    /// <summary>Prepares the columns [response, regressors...] of <paramref name="problem"/> (the estimator takes
    /// ownership: they are filtered, scaled and demeaned in place). <paramref name="isResponse"/> and
    /// <paramref name="isRegressor"/> say, per column, how models will use it: responses are checked for variation
    /// and get their sums of squares, regressors their reference norms; only regressor-only columns are equilibrated
    /// (a column used both ways is left in its units).</summary>
    public static AbsorbedColumns Prepare(LinearProblem problem, bool[] isResponse, bool[] isRegressor, EstimationOptions options)
    {
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
        var columns = new List<double[]>(problem.Regressors.Count + 1) { problem.Response };
        columns.AddRange(problem.Regressors);
        var names = new List<string>(columns.Count) { problem.ResponseName };
        names.AddRange(problem.RegressorNames);
        int m = columns.Count;
        // Regressors far from unit scale are brought into range by a power of two (the estimator owns the arrays).
        double[]? scales = null;
        for (int j = 0; j < m; j++)
        {
            if (isResponse[j]) continue;
            double d = ColumnEquilibration.ScaleInPlace(columns[j]);
            if (d == 1) continue;
            scales ??= Enumerable.Repeat(1.0, m).ToArray();
            scales[j] = d;
        }
        bool centredTotal = problem.CentredTotal ?? intercept;
        double totalWeight = w is null ? n : w.Sum();
        var tss = Filled(m, double.NaN);
        var withinSquares = Filled(m, double.NaN);
        var referenceNorms = Filled(m, double.NaN);
        double[]? withinShare = null;
        SolveReport? report = null;
        // Transformed responses (first differences, unit means) are checked here: d(year) is constant though year is not.
        if (centredTotal && n > 1)
            for (int j = 0; j < m; j++) if (isResponse[j]) DegenerateModel.CheckVaries(names[j], columns[j]);
        if (absorb)
        {
            var solver = FixedEffectSolver.Create(problem.FixedEffects, w, options.Absorb);
            // The raw total sum of squares (no centring) must be taken before a response is demeaned.
            if (!centredTotal)
                for (int j = 0; j < m; j++) if (isResponse[j]) tss[j] = ColumnMoments.SumOfSquares(columns[j], w, 0);
            var (means, centred) = (new double[m], new double[m]);
            report = DemeanAroundMeans(solver, columns, w, means, centred, withinSquares, options);
            for (int j = 0; j < m; j++)
            {
                if (centredTotal && isResponse[j]) tss[j] = centred[j];
                referenceNorms[j] = ReferenceNorm(centred[j], means[j], totalWeight);
            }
            Lap(timings, "absorb", clock);
            if (!report.Converged)
                throw EstimationException.NotConverged(report.Iterations, report.AchievedTolerance, options.Absorb.Tolerance, report.Method);
            for (int j = 0; j < m; j++)
                if (isResponse[j])
                    DegenerateModel.CheckNotAbsorbed(names[j], centred[j], withinSquares[j], options.CollinearityTolerance ?? 1e-7,
                        problem.FixedEffects.Select(f => f.Name));
            withinShare = new double[m];
            for (int j = 0; j < m; j++) withinShare[j] = Math.Sqrt(withinSquares[j]) / referenceNorms[j];
            notes.Add(EstimationNotes.Absorbed(report.Iterations <= 1 && report.AchievedTolerance == 0
                ? $"Fixed effects absorbed exactly ({report.Method})."
                : $"Fixed effects absorbed by {report.Method}: {report.Iterations} iteration(s), achieved tolerance {report.AchievedTolerance:g2}" +
                  (report.EstimatedError is double err ? $", estimated relative error of the demeaned columns {err:g2}." : ".")));
            notes.AddRange(DegreesOfFreedomNotes(problem.FixedEffects));
        }
        else
            for (int j = 0; j < m; j++)
            {
                if (isResponse[j]) tss[j] = ColumnMoments.SumOfSquares(columns[j], w, centredTotal ? ColumnMoments.Mean(columns[j], w) : 0);
                if (isRegressor[j]) referenceNorms[j] = ColumnNorm(columns[j], w, intercept, totalWeight);
            }
        double[]? ones = null;
        if (intercept)
        {
            ones = new double[n];
            // Most of the cost is faulting in fresh pages: fill the halves on both cores.
            int half = n / 2;
            Parallel.Invoke(ParallelOver(options), () => ones.AsSpan(0, half).Fill(1.0), () => ones.AsSpan(half).Fill(1.0));
        }
        return new AbsorbedColumns
        {
            Names = names,
            Columns = columns,
            Scales = scales,
            ReferenceNorms = referenceNorms,
            WithinShare = withinShare,
            TotalSquares = tss,
            WithinSquares = withinSquares,
            Weights = w,
            Intercept = intercept,
            Absorbs = absorb,
            TotalWeight = totalWeight,
            Ones = ones,
            FixedEffects = problem.FixedEffects,
            Clusters = problem.Clusters,
            Panel = problem.Panel,
            Report = report,
            AbsorbedDof = DegreesOfFreedom.Absorbed(problem.FixedEffects),
            Notes = notes,
            Timings = timings,
            Clock = clock,
        };
    }

    private static double[] Filled(int m, double value)
    {
        var a = new double[m];
        Array.Fill(a, value);
        return a;
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

    internal static ParallelOptions ParallelOver(EstimationOptions options) =>
        new() { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };

    internal static void Lap(List<PhaseTime> timings, string phase, Stopwatch clock)
    {
        timings.Add(new PhaseTime(phase, clock.Elapsed.TotalSeconds));
        clock.Restart();
    }

    private static LinearProblem DropSingletons(LinearProblem problem, EstimationOptions options, List<Note> notes)
    {
        if (SingletonRows.Find(problem.FixedEffects, problem.Response.Length, options, notes) is not var (keep, kept)) return problem;
        return problem with
        {
            Response = SingletonRows.Cut(problem.Response, keep, kept),
            Regressors = problem.Regressors.Select(x => SingletonRows.Cut(x, keep, kept)).ToList(),
            Weights = problem.Weights is null ? null : SingletonRows.Cut(problem.Weights, keep, kept),
            FixedEffects = problem.FixedEffects.Select(fe => fe.Filter(keep, kept)).ToList(),
            Clusters = problem.Clusters.Select(c => c.Filter(keep, kept)).ToList(),
            Panel = problem.Panel?.Filter(keep),
        };
    }

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
