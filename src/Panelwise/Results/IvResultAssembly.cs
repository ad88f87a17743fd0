using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Inference.Tests;

namespace Panelwise.Results;

/// <summary>Turns an <see cref="IvFit"/> into a result under one covariance choice: the fit of the chosen estimator, its
/// covariance (ivreg2's conventions, see Models.InstrumentalVariables) and ivreg2's diagnostics. Used by the first fit
/// and by <see cref="RegressionResult.WithVcov"/>, so that both give the same numbers.</summary>
internal static class IvResultAssembly
{
    /// <summary>The result of <paramref name="ivFit"/> under <paramref name="vcov"/>: the estimate (kept for 2SLS and LIML;
    /// efficient GMM re-estimated with the covariance's S), its covariance and ivreg2's diagnostics.</summary>
    public static RegressionResult Create(IvFit ivFit, VcovSpec vcov)
    {
        CheckCovariance(vcov);
        var (s, options, timings) = (ivFit.Sample, ivFit.Options, ivFit.Timings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ctx = new IvTestContext(s, vcov);
        var kind = options.Estimator;
        var notes = new List<Note>(s.Notes);
        if (kind is IvEstimatorKind.TwoStepGmm or IvEstimatorKind.Gmm && ctx.IsIid)
        {
            notes.Add(new Note(NoteKind.Instruments, "gmm_iid_is_2sls", $"{(kind == IvEstimatorKind.Gmm ? "gmm" : "gmm2s")} with iid errors is 2SLS (the efficient weight matrix is (Z'Z)^-1): reported as 2SLS."));
            kind = IvEstimatorKind.TwoStageLeastSquares;
        }
        var estimate = kind switch
        {
            IvEstimatorKind.Liml => ivFit.LimlEstimate,
            IvEstimatorKind.TwoStepGmm => Gmm.Estimate(s, ivFit.TwoStageEstimate, ctx.Moments),
            // ivregress gmm: the same two-step coefficients; the meat is re-estimated from the final GMM residuals.
            IvEstimatorKind.Gmm => Gmm.Estimate(s, ivFit.TwoStageEstimate, ctx.Moments) with { ScoreCoefficients = null, ScoreResidualCoordinates = null },
            _ => ivFit.TwoStageEstimate,
        };
        IvProbe.Mark("estimate");
        string name = kind switch { IvEstimatorKind.Liml => "liml", IvEstimatorKind.TwoStepGmm => "gmm2s", IvEstimatorKind.Gmm => "gmm", _ => "2sls" };
        // One pass over the rows for everything robust: the covariance's meat (the scores e_i x̃_i), the diagnostics'
        // moment sums and the reported residuals (kept by the sample, so WithVcov reads them again for free). Under
        // iid errors nothing needs S: the residuals take a pass of their own.
        var tested = options.EndogeneityTest ?? s.EndogenousNames;
        var meatFamily = (estimate.SandwichCoordinates, estimate.ScoreResidualCoordinates ?? estimate.ResidualCoordinates);
        if (!ctx.IsIid)
            s.PrefetchScoreMoments([meatFamily, .. IvDiagnosticsBuilder.ScoreFamilies(s, estimate, name, tested)], ctx.Moments,
                [estimate.Coefficients, .. estimate.ScoreCoefficients is { } first ? [first] : Array.Empty<double[]>()]);
        IvProbe.Mark("fused score pass");
        try
        {
            var fit = BuildFit(s, estimate, s.Residual(estimate.Coefficients), notes, name, meatFamily);
            var vcovResult = VcovEstimator.Compute(estimate.ScoreCoefficients is { } b ? BuildFit(s, estimate, s.Residual(b), notes, name, meatFamily) : fit, vcov);
            IvProbe.Mark("vcov");
            if (vcov is DriscollKraayVcovSpec { Small: true }) vcovResult = DriscollKraaySmall(ctx, vcovResult);
            var diagnostics = IvDiagnosticsBuilder.Build(ctx, estimate, vcovResult, name, options, notes);
            IvProbe.Mark("diagnostics");
            var all = timings.Append(new PhaseTime("iv", clock.Elapsed.TotalSeconds)).ToList();
            return RegressionResult.CreateIv(fit, vcovResult, all, "iv_" + name + (s.FixedEffects.Count > 0 ? "_fe" : ""), diagnostics, ivFit);
        }
        finally { s.ClearPrefetched(); }
    }

    /// <summary>Refuses the leverage-based HC2/HC3, which IV estimators do not define; checked before the sample is built
    /// and again when a result is re-covaried, so that WithVcov refuses what a fresh fit refuses.</summary>
    public static void CheckCovariance(VcovSpec vcov)
    {
        if (vcov is HeteroskedasticVcovSpec { Type: 2 or 3 } h)
            throw new EstimationException($"HC{h.Type} is not defined for IV estimators (ivreg2 has no leverage-based covariance): use hc1 (robust) or cluster.");
    }

    /// <summary>ivreg2 <c>dkraay() small</c>: Driscoll-Kraay is clustering by period with a kernel, so the small-sample
    /// factor is the cluster one with G = T, T/(T-1)·(N-1)/(N-K-K_FE) (K_FE: absorbed levels not nested in the period), and
    /// t(T-1). (OLS keeps xtscc's convention, no factor.)</summary>
    private static VcovResult DriscollKraaySmall(IvTestContext ctx, VcovResult large)
    {
        var (factor, df) = ctx.Scale(ctx.Sample.K);
        var m = (double[,])large.Matrix.Clone();
        for (int a = 0; a < m.GetLength(0); a++)
            for (int b = 0; b < m.GetLength(1); b++) m[a, b] *= factor;
        int t = ctx.MinClusters;
        return large with
        {
            Matrix = m,
            DfResidual = df,
            Convention = $"Driscoll-Kraay: scores summed by period (T = {t}), Bartlett weights 1 - l/(m+1), m = {large.Lag} (ivreg2 dkraay({large.Lag + 1})); " +
                $"factor T/(T-1)*(N-1)/(N-K) = {factor:G6} (ivreg2 small, as clustering by period); t(T-1) = t({df})",
        };
    }

    /// <summary>The fit a covariance reads: X̃ and the residuals of the meat, with the meat's sums by observation or one
    /// cluster taken from the sample (the fused pass kept them: no pass of their own), so that X̃ is formed only for the
    /// kernel and multi-way forms.</summary>
    private static LinearFit BuildFit(IvSample s, IvEstimate estimate, double[] residuals, List<Note> notes, string name,
        (MathNet.Numerics.LinearAlgebra.Matrix<double> Z, MathNet.Numerics.LinearAlgebra.Matrix<double> E) meat) => new()
    {
        ScoreSums = cluster => s.ScoreMoments(meat.Z, meat.E, new Estimation.Moments.MomentStructure { Clusters = cluster is null ? [] : [cluster] }),
        Formula = s.Formula,
        ResponseName = s.ResponseName,
        Terms = s.Terms,
        ReportOrder = s.Terms,
        Coefficients = s.Scales is null ? estimate.Coefficients : estimate.Coefficients.Select((b, j) => b * TermScale(s, j)).ToArray(),
        Bread = estimate.Bread,
        Scales = s.Scales is null ? null : Enumerable.Range(0, s.Terms.Count).Select(j => TermScale(s, j)).ToArray(),
        Columns = estimate.SandwichColumns,
        Residuals = residuals,
        Nobs = s.N,
        HasIntercept = s.Intercept,
        DroppedTerms = s.DroppedTerms,
        FixedEffects = s.FixedEffects,
        Clusters = s.Clusters,
        Panel = s.Panel,
        AbsorbedDof = DegreesOfFreedom.Absorbed(s.FixedEffects),
        Ssr = Checked(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(residuals), s),
        Tss = s.Tss,
        TssWithin = s.TssWithin,
        AbsorbReport = s.AbsorbReport,
        SolverMethod = $"{name} (Householder QR projections)",
        Notes = notes,
    };

    private static double TermScale(IvSample s, int j) => s.Scales!.GetValueOrDefault(s.Terms[j], 1.0);

    private static double Checked(double ssr, IvSample s) =>
        double.IsFinite(ssr) && double.IsFinite(s.Tss) ? ssr : throw EstimationException.SquaresOverflow(s.ResponseName);
}
