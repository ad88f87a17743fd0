namespace Panelwise.Estimation.IV;

/// <summary>An IV fit as a value: the estimation sample (fixed effects absorbed, its QR basis) and the estimator choice,
/// with the estimates that do not depend on the covariance (2SLS, LIML) computed once and kept. A result holds it so
/// that another covariance recomputes the covariance and ivreg2's diagnostics from it without rebuilding the sample or
/// re-estimating; only efficient GMM re-estimates, since its weight matrix is the covariance choice's S.</summary>
public sealed class IvFit
{
    private readonly Lazy<IvEstimate> _twoStage;
    private readonly Lazy<IvEstimate> _liml;

    internal IvFit(IvSample sample, IvOptions options, IReadOnlyList<PhaseTime> timings)
    {
        Sample = sample;
        Options = options;
        Timings = timings;
        _twoStage = new(() => TwoStageLeastSquares.Estimate(sample));
        _liml = new(() => IV.Liml.Estimate(sample));
    }

    /// <summary>Estimator and test choices.</summary>
    public IvOptions Options { get; }

    /// <summary>Wall time of the phases before estimation (design, absorbing the fixed effects).</summary>
    public IReadOnlyList<PhaseTime> Timings { get; }

    internal IvSample Sample { get; }

    /// <summary>The 2SLS estimate (also GMM's first step), computed on first use and kept.</summary>
    internal IvEstimate TwoStageEstimate => _twoStage.Value;

    /// <summary>The LIML estimate, computed on first use and kept.</summary>
    internal IvEstimate LimlEstimate => _liml.Value;
}
