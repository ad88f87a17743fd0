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
    /// degrees of freedom and sums of squares), yielding one fit per model, in order, as it is solved. On large samples
    /// the Gram matrix of all columns is accumulated once and each model's normal equations are a block of it. A column
    /// used as a response by one model and as a regressor by another is not equilibrated (data beyond about 1e±30 in
    /// such a column are fitted in their own units). The columns are shared: every fit's <see cref="LinearFit.Columns"/>
    /// refer to them. With <paramref name="reuseResiduals"/> all fits write their residuals into one array, so a fit is
    /// only valid until the next one is yielded (for callers that finish with each fit first; saves N fresh values per model).</summary>
    public static IEnumerable<LinearFit> FitEach(LinearProblem problem, IReadOnlyList<LinearModelColumns> models, EstimationOptions? options = null,
        bool reuseResiduals = false)
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
        int n = columns.RowCount;
        double[,]? gram = null;
        if (models.Count > 1 && LeastSquares.NeedsGram(n, 1))
            gram = CrossProduct.Gram(columns.Ones is { } ones ? [ones, .. columns.Columns] : columns.Columns, columns.Weights, options.Threads);
        var residuals = reuseResiduals ? new double[n] : null;
        foreach (var model in models) yield return Solve(columns, model, options, consumeResponse: false, gram, residuals);
    }

    /// <summary>One model on prepared columns. With <paramref name="consumeResponse"/> the response's array (consumed
    /// by absorbing) takes the residuals instead of a fresh one of N rows.</summary>
    private static LinearFit Solve(AbsorbedColumns prepared, LinearModelColumns model, EstimationOptions options, bool consumeResponse,
        double[,]? sharedGram = null, double[]? residualBuffer = null)
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
        var residuals = consumeResponse && absorb && !design.Any(c => ReferenceEquals(c, y)) ? y : residualBuffer;
        var fit = LeastSquares.Fit(design, y, w, refs.ToArray(), tol, options.Threads, residuals, GramBlock(sharedGram, sources, model.Response, intercept));
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

    /// <summary>The Gram matrix of [design..., y] as a block of the shared one over [1?, columns...].</summary>
    private static double[,]? GramBlock(double[,]? shared, List<int> sources, int response, bool intercept)
    {
        if (shared is null) return null;
        int offset = intercept ? 1 : 0;
        var index = sources.Select(s => s < 0 ? 0 : s + offset).Append(response + offset).ToArray();
        var block = new double[index.Length, index.Length];
        for (int a = 0; a < index.Length; a++)
            for (int b = 0; b < index.Length; b++) block[a, b] = shared[index[a], index[b]];
        return block;
    }
}
