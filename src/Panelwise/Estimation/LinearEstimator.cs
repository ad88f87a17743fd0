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
        int m = problem.Regressors.Count + 1;
        var isResponse = new bool[m];
        isResponse[0] = true;
        var isRegressor = Enumerable.Range(0, m).Select(j => j > 0).ToArray();
        var columns = AbsorbedColumns.Prepare(problem, isResponse, isRegressor, options);
        return Solve(columns, new LinearModelColumns(0, Enumerable.Range(1, m - 1).ToArray(), problem.Formula), options, consumeResponse: true);
    }

    /// <summary>Fits several models that share one sample, fixed effects and weights: the union of their columns is
    /// <paramref name="problem"/>'s [response, regressors...], absorbed once; each model picks its response and
    /// regressors from it by index and is solved as <see cref="Fit"/> would solve it alone (same collinearity rules,
    /// degrees of freedom and sums of squares), yielding one fit per model, in order, as it is solved. A column used as a
    /// response by one model and as a regressor by another is not equilibrated (data beyond about 1e±30 in such a column
    /// are fitted in their own units). The columns are shared: every fit's <see cref="LinearFit.Columns"/> refer to them.</summary>
    public static IEnumerable<LinearFit> FitEach(LinearProblem problem, IReadOnlyList<LinearModelColumns> models, EstimationOptions? options = null)
    {
        options ??= new EstimationOptions();
        int m = problem.Regressors.Count + 1;
        var isResponse = new bool[m];
        var isRegressor = new bool[m];
        foreach (var model in models)
        {
            isResponse[model.Response] = true;
            foreach (int r in model.Regressors) isRegressor[r] = true;
        }
        var columns = AbsorbedColumns.Prepare(problem, isResponse, isRegressor, options);
        foreach (var model in models) yield return Solve(columns, model, options, consumeResponse: false);
    }

    /// <summary>One model on prepared columns. With <paramref name="consumeResponse"/> the response's array (consumed
    /// by absorbing) takes the residuals instead of a fresh one of N rows.</summary>
    private static LinearFit Solve(AbsorbedColumns prepared, LinearModelColumns model, EstimationOptions options, bool consumeResponse)
    {
        var notes = new List<Note>(prepared.Notes);
        var timings = new List<PhaseTime>(prepared.Timings);
        // Alone, the solve phase runs from the end of absorbing (as the intercept column is filled); shared, from here.
        var clock = consumeResponse ? prepared.Clock : System.Diagnostics.Stopwatch.StartNew();
        int n = prepared.RowCount;
        bool absorb = prepared.Absorbs, intercept = prepared.Intercept;
        var w = prepared.Weights;
        var y = prepared.Columns[model.Response];
        string responseName = prepared.Names[model.Response];
        var names = new List<string>();
        var design = new List<double[]>();
        var refs = new List<double>();
        var sources = new List<int>();
        if (intercept)
        {
            names.Add(InterceptName);
            design.Add(prepared.Ones!);
            refs.Add(Math.Sqrt(prepared.TotalWeight));
            sources.Add(-1);
        }
        foreach (int r in model.Regressors)
        {
            names.Add(prepared.Names[r]);
            design.Add(prepared.Columns[r]);
            refs.Add(prepared.ReferenceNorms[r]);
            sources.Add(r);
        }
        if (design.Count == 0) throw EstimationException.NoRegressors(responseName, []);
        double tol = options.CollinearityTolerance ?? (absorb ? 1e-7 : 1e-10);
        var residuals = consumeResponse && absorb && !design.Any(c => ReferenceEquals(c, y)) ? y : null;
        var fit = LeastSquares.Fit(design, y, w, refs.ToArray(), tol, options.Threads, residuals);
        timings.Add(new PhaseTime("solve", clock.Elapsed.TotalSeconds));
        var kept = fit.Kept.Select(k => names[k]).ToList();
        var dropped = fit.Dropped.Select(k => names[k]).ToList();
        foreach (int d in fit.Dropped)
            notes.Add(EstimationNotes.Collinear(names[d], prepared.WithinShare is { } share && sources[d] >= 0 && share[sources[d]] <= tol));
        if (kept.Count == 0) throw EstimationException.NoRegressors(responseName, dropped);
        double ssr = ColumnMoments.SumOfSquares(fit.Residuals, w, 0);
        double tss = prepared.TotalSquares[model.Response];
        double tssWithin = prepared.WithinSquares[model.Response];
        if (!double.IsFinite(ssr) || !double.IsFinite(tss) || (absorb && !double.IsFinite(tssWithin)))
            throw EstimationException.SquaresOverflow(responseName);
        var scales = prepared.Scales is not { } columnScales ? null
            : fit.Kept.Select(k => sources[k] < 0 ? 1 : columnScales[sources[k]]).ToArray();
        var coefficients = scales is null ? fit.Coefficients : fit.Coefficients.Select((b, j) => b * scales[j]).ToArray();
        int absorbedDof = prepared.AbsorbedDof;
        if (n - kept.Count - absorbedDof <= 0) throw EstimationException.TooFewObservations(n, kept.Count + absorbedDof);
        return new LinearFit
        {
            Formula = model.Formula,
            ResponseName = responseName,
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
            FixedEffects = prepared.FixedEffects,
            Clusters = prepared.Clusters,
            Panel = prepared.Panel,
            Ssr = ssr,
            Tss = tss,
            TssWithin = tssWithin,
            AbsorbReport = prepared.Report,
            SolverMethod = fit.Method,
            Notes = notes,
            Timings = timings,
            AbsorbedDof = absorbedDof,
        };
    }
}
