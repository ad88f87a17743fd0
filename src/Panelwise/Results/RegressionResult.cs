using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;

namespace Panelwise.Results;

/// <summary>A fitted linear model with inference under one covariance choice. Immutable;
/// <see cref="WithVcov"/> gives the same fit under another covariance without refitting.</summary>
public sealed class RegressionResult
{
    private RegressionResult(LinearFit fit, VcovResult vcov, IReadOnlyList<PhaseTime> timings)
    {
        fit = InferenceNotes.Annotate(fit, vcov);
        Fit = fit;
        Vcov = vcov;
        Timings = timings;
        Coefficients = BuildRows(fit, vcov);
        FTest = BuildFTest(fit, vcov);
    }

    /// <summary>A copy of <paramref name="source"/>; init properties are set by the caller's initializer.</summary>
    private RegressionResult(RegressionResult source)
    {
        Fit = source.Fit;
        Vcov = source.Vcov;
        Timings = source.Timings;
        Coefficients = source.Coefficients;
        FTest = source.FTest;
        ModelName = source.ModelName;
        Components = source.Components;
        Tests = source.Tests;
        WildBootstrap = source.WildBootstrap;
        LargeSample = source.LargeSample;
        Iv = source.Iv;
        IvFit = source.IvFit;
        ObservationCount = source.ObservationCount;
        Groups = source.Groups;
        Engine = source.Engine;
    }

    /// <summary>Set when the fit was computed on a database engine from sufficient statistics (rows never fetched).</summary>
    public EngineSummary? Engine { get; private init; }

    /// <summary>The same result, stating the engine it was computed on.</summary>
    public RegressionResult OnEngine(EngineSummary engine) => new(this) { Engine = engine };

    /// <summary>The same result labelled by a panel estimator (name, components, tests); null arguments keep the current value.</summary>
    public RegressionResult With(string? modelName = null, ModelComponents? components = null,
        IReadOnlyDictionary<string, TestStatistic>? tests = null, Inference.Bootstrap.WildBootstrapResult? wildBootstrap = null) =>
        new(this)
        {
            ModelName = modelName ?? ModelName,
            Components = components ?? Components,
            Tests = tests ?? Tests,
            WildBootstrap = wildBootstrap ?? WildBootstrap,
        };

    /// <summary>Wild cluster restricted bootstrap p-values and intervals, when requested (--wildboot).</summary>
    public Inference.Bootstrap.WildBootstrapResult? WildBootstrap { get; init; }

    /// <summary>The estimation behind this result (coefficients, residuals, design).</summary>
    public LinearFit Fit { get; }

    public VcovResult Vcov { get; }

    /// <summary>Rows in formula order with the intercept last (Stata's display order).</summary>
    public IReadOnlyList<CoefficientRow> Coefficients { get; }

    /// <summary>Wald F test that all slopes are zero (all coefficients without an intercept); null when there is none.</summary>
    public WaldTest? FTest { get; }

    /// <summary>The model's name in the JSON contract: "ols", "ols_fe", or the panel estimator's (fe, re, be, fd, lsdv, fgls).</summary>
    public string Model => ModelName ?? (Fit.FixedEffects.Count > 0 ? "ols_fe" : "ols");

    /// <summary>Set by panel estimators that wrap the linear fit (random effects, between, ...).</summary>
    public string? ModelName { get; init; }

    /// <summary>Variance components and R² variants of panel models (xtreg); null for plain OLS.</summary>
    public ModelComponents? Components { get; init; }

    /// <summary>Model-specific tests beyond the F test (e.g. "f_u", "hausman", "bp_lm"), by JSON key.</summary>
    public IReadOnlyDictionary<string, TestStatistic> Tests { get; init; } = new Dictionary<string, TestStatistic>();

    /// <summary>Instrumental-variables diagnostics (first stages, identification, over-identification); null for other models.</summary>
    public IvDiagnostics? Iv { get; init; }

    /// <summary>The IV fit behind an IV result (sample, estimator, covariance-free estimates), from which
    /// <see cref="WithVcov"/> recomputes the covariance and the diagnostics; null for other models.</summary>
    public IvFit? IvFit { get; private init; }

    /// <summary>Observations, as Stata prints "Number of obs": the estimation rows (for <c>--model be</c> the rows behind
    /// the unit means, not the means; its degrees of freedom still count the units).</summary>
    public int Nobs => ObservationCount ?? Fit.Nobs;

    /// <summary>Set when the fit's rows are not the observations (the between estimator's unit means).</summary>
    private int? ObservationCount { get; init; }

    /// <summary>Number of groups (panel units) of an xtreg-style model (fe, re, be), as Stata's "Number of groups"; null otherwise.</summary>
    public int? Groups { get; private init; }

    /// <summary>The same result with the panel counts Stata prints: observations and groups.</summary>
    internal RegressionResult WithPanelCounts(int observations, int groups) =>
        new(this) { ObservationCount = observations == Fit.Nobs ? null : observations, Groups = groups };

    /// <summary>Residual degrees of freedom N - K with K = coefficients + all absorbed FE levels.</summary>
    public int DfResidual => Fit.Nobs - Fit.K - DegreesOfFreedom.AbsorbedBy(Fit);

    /// <summary>R²: centred when the model has an intercept or fixed effects, uncentred otherwise (Stata, NIST).</summary>
    public double R2 => 1 - Fit.Ssr / Fit.Tss;

    /// <summary>1 - (1-R²)(N-c)/(N-K), c = 1 when R² is centred.</summary>
    public double AdjR2 => 1 - (1 - R2) * (Fit.Nobs - (Fit.HasIntercept ? 1 : 0)) / DfResidual;

    /// <summary>Within R² = 1 - SSR / Σ(y after absorbing the FE)² (FE models only).</summary>
    public double? R2Within => Fit.FixedEffects.Count > 0 ? 1 - Fit.Ssr / Fit.TssWithin : null;

    /// <summary>Adjusted within R²: 1 - (1 - R²w)(N - K_FE)/(N - K_FE - k), K_FE = absorbed levels incl. the intercept, k = slopes.</summary>
    public double? AdjR2Within => R2Within is double r
        ? 1 - (1 - r) * (Fit.Nobs - DegreesOfFreedom.AbsorbedBy(Fit) - (Fit.HasIntercept ? 1 : 0)) / DfResidual
        : null;

    /// <summary>The sum of squared residuals as Stata reports it (e(rss)): Σ w̃_i e_i² with the analytic weights
    /// normalised to sum to N, w̃_i = w_i N / Σw (regress, areg, reghdfe with aweights; [U] 20.23.1), so that it does
    /// not change when the weights are rescaled; Σ e_i² without weights. <see cref="LinearFit.Ssr"/> keeps the raw Σ w_i e_i²
    /// that the covariance uses with (X'WX)⁻¹ (the two scalings cancel there, so standard errors are the same).</summary>
    public double Ssr => Fit.Weights is { } w ? Fit.Ssr * Fit.Nobs / WeightSum(w)
        : Fit.WeightTotal is double total ? Fit.Ssr * Fit.Nobs / total : Fit.Ssr;

    /// <summary>Root mean squared error sqrt(SSR/(N-K)) with <see cref="Ssr"/> on weights normalised to sum to N
    /// (Stata's Root MSE; sigma_e of xtreg, fe); under the large-sample conventions (--no-small) sqrt(SSR/(N-dofminus)),
    /// as ivreg2 and ivregress without small.</summary>
    public double Rmse => Math.Sqrt(Ssr / (Vcov.Spec.Small ? DfResidual : Fit.Nobs - (Fit.FixedEffects.Count == 0 ? 0 : Fit.AbsorbedDof + 1)));

    private static double WeightSum(double[] w)
    {
        double sum = 0;
        foreach (double v in w) sum += v;
        return sum;
    }

    /// <summary>Levels of each absorbed fixed effect.</summary>
    public IReadOnlyDictionary<string, int> FixedEffectLevels => Fit.FixedEffects.ToDictionary(f => f.Name, f => f.Levels);

    public IReadOnlyList<Note> Notes => Fit.Notes;

    /// <summary>Wall time of each phase: those given (e.g. building the design), the fit's, and the covariance.</summary>
    public IReadOnlyList<PhaseTime> Timings { get; }

    /// <summary>True when inference is large-sample (z and chi2), as for random effects, whatever the covariance.</summary>
    public bool LargeSample { get; private init; }

    /// <summary>Inference on <paramref name="fit"/> under <paramref name="spec"/>; with <paramref name="largeSample"/>
    /// the covariance is the same but statistics are z and chi2 (Stata's xtreg, re and xtgls).</summary>
    public static RegressionResult Create(LinearFit fit, VcovSpec spec, IEnumerable<PhaseTime>? earlier = null, bool largeSample = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var vcov = Covariance(fit, spec, largeSample);
        var timings = (earlier ?? []).Concat(fit.Timings).Append(new PhaseTime("vcov", clock.Elapsed.TotalSeconds)).ToList();
        return new(fit, vcov, timings) { LargeSample = largeSample };
    }

    /// <summary>The same fit under another covariance; the model's name, components and tests are kept. An IV result
    /// recomputes its covariance and diagnostics from its <see cref="IvFit"/> (efficient GMM, whose weight matrix is the
    /// covariance's S, is re-estimated on the kept sample); nothing is refitted over the data.</summary>
    public RegressionResult WithVcov(VcovSpec spec) => IvFit is { } iv
        ? IvResultAssembly.Create(iv, spec)
        // A fit finished from an engine's sufficient statistics holds no rows to recompute a covariance from.
        : Engine is not null ? throw EstimationException.NotOnEngine("Another covariance of a fit computed on a database engine")
        : new(Fit, Covariance(Fit, spec, LargeSample), Timings)
        {
            LargeSample = LargeSample, ModelName = ModelName, Components = Components, Tests = Tests,
            ObservationCount = ObservationCount, Groups = Groups, Engine = Engine,
        };

    /// <summary>The same result with the settings its notes (and its tests' notes) name rendered by
    /// <paramref name="names"/>: a front end's terms, e.g. the CLI's flags (see <see cref="Note.Naming"/>).</summary>
    public RegressionResult NamingSettings(Func<Setting, string> names) =>
        new(this, Fit with { Notes = [.. Fit.Notes.Select(n => n.Naming(names))] })
        {
            Tests = Tests.ToDictionary(t => t.Key, t => t.Value.Note is { } note ? t.Value with { Note = note.Naming(names) } : t.Value),
        };

    /// <summary>A copy of <paramref name="source"/> with another fit of the same estimation (its notes renamed).</summary>
    private RegressionResult(RegressionResult source, LinearFit fit) : this(source) => Fit = fit;

    /// <summary>The same result labelled as a panel model, with its variance components and extra tests.</summary>
    public RegressionResult AsModel(string name, ModelComponents? components, IReadOnlyDictionary<string, TestStatistic> tests) =>
        new(this) { ModelName = name, Components = components, Tests = tests };

    private static VcovResult Covariance(LinearFit fit, VcovSpec spec, bool largeSample)
    {
        var vcov = VcovEstimator.Compute(fit, spec);
        return largeSample
            ? vcov with { DfResidual = double.PositiveInfinity, Convention = vcov.Convention + "; statistics are z and chi2 (large-sample), not t" }
            : vcov;
    }

    /// <summary>A result from a covariance computed elsewhere (e.g. efficient GMM, whose covariance is not a sandwich of the fit).</summary>
    public static RegressionResult Create(LinearFit fit, VcovResult vcov, IEnumerable<PhaseTime>? timings = null, string? modelName = null) =>
        new(fit, vcov, (timings ?? []).Concat(fit.Timings).ToList()) { ModelName = modelName };

    /// <summary>An IV result: its diagnostics, and the IV fit they (and the covariance) are recomputed from under another covariance.</summary>
    internal static RegressionResult CreateIv(LinearFit fit, VcovResult vcov, IEnumerable<PhaseTime> timings, string modelName,
        IvDiagnostics iv, IvFit ivFit) =>
        new(fit, vcov, timings.ToList()) { ModelName = modelName, Iv = iv, IvFit = ivFit };


    /// <summary>The row of a term, or null.</summary>
    public CoefficientRow? this[string term] => Coefficients.FirstOrDefault(c => c.Term == term);

    private static List<CoefficientRow> BuildRows(LinearFit fit, VcovResult vcov)
    {
        double crit = TailProbability.CriticalValue(vcov.DfResidual);
        var rows = new List<CoefficientRow>();
        foreach (var term in fit.ReportOrder)
        {
            int j = IndexOf(fit.Terms, term);
            double b = fit.Coefficients[j];
            double se = vcov.StandardError(j);
            // Columns are equilibrated by powers of two; the slope of a regressor that varies by next to nothing (values
            // near the double underflow) can still lie beyond the double range once scaled back.
            if (!double.IsFinite(b) || double.IsInfinity(se)) throw EstimationException.CoefficientOverflow(term);
            // An exact fit or a zero/negative variance: no t or p (InferenceNotes says why), as Stata shows them missing.
            double t = InferenceNotes.NoStatistic(fit, vcov.Matrix[j, j]) ? double.NaN : b / se;
            double p = vcov.IsNormal ? TailProbability.NormalTwoSided(t) : TailProbability.StudentTwoSided(t, vcov.DfResidual);
            rows.Add(new CoefficientRow(term, b, se, t, p, b - crit * se, b + crit * se));
        }
        return rows;
    }

    private static WaldTest? BuildFTest(LinearFit fit, VcovResult vcov)
    {
        var slopes = Enumerable.Range(0, fit.K).Where(j => fit.Terms[j] != LinearEstimator.InterceptName).ToArray();
        int q = slopes.Length;
        if (q == 0) return null;
        var v = new double[q, q];
        var b = new double[q];
        for (int i = 0; i < q; i++)
        {
            // In the equilibrated units of the matrix: the Wald statistic is the same, and every entry is representable.
            b[i] = fit.Coefficients[slopes[i]] / (vcov.Scales?[slopes[i]] ?? 1);
            for (int j = 0; j < q; j++) v[i, j] = vcov.Matrix[slopes[i], slopes[j]];
        }
        var mv = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(v);
        var vb = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b);
        double w = vb * mv.Solve(vb);
        // An exact fit has V = 0 up to rounding; a singular or indefinite V gives no Wald test (a note says why).
        if (InferenceNotes.IsExactFit(fit) || !double.IsFinite(w) || w < 0) w = double.NaN;
        double f = w / q;
        // With z statistics (GLS, random effects) the Wald test is chi2(q); it is reported as F = chi2/q with an infinite denominator.
        double p = vcov.IsNormal ? TailProbability.ChiSquaredUpper(w, q) : TailProbability.FisherUpper(f, q, vcov.DfResidual);
        return new WaldTest(f, q, vcov.DfResidual, p);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
