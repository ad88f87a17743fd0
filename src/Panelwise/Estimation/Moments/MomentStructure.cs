using Panelwise.Absorb;

namespace Panelwise.Estimation.Moments;

/// <summary>How the moment contributions s_i of a robust statistic are summed into S, as the covariance choice says:
/// by observation (heteroskedasticity-robust), by cluster (one-way or Cameron-Gelbach-Miller multi-way), within units
/// over m lags (Newey-West) or by period over m lags (Driscoll-Kraay). The IV tests (first-stage F, Kleibergen-Paap,
/// Hansen J, Anderson-Rubin, endogeneity) and two-step GMM take S from here, so each follows the coefficients'
/// covariance as in ivreg2; the covariance family of the choice builds it (Inference.Covariance). No finite-sample factor is applied.</summary>
internal sealed record MomentStructure
{
    public IReadOnlyList<FixedEffect> Clusters { get; init; } = [];

    /// <summary>Unit and period codes for the kernel forms; null otherwise.</summary>
    public PanelCodes? Panel { get; init; }

    public bool DriscollKraay { get; init; }

    /// <summary>Maximum lag m of a kernel form; null when S has no kernel.</summary>
    public int? Lag { get; init; }

    private int[]? _order;

    /// <summary>S for score columns (each of length n).</summary>
    public double[,] Compute(IReadOnlyList<double[]> scores) => Lag is not int m
        ? MomentCovariance.Compute(scores, Clusters)
        : DriscollKraay ? HacMoments.DriscollKraay(scores, Panel!, m)
        : HacMoments.NeweyWest(scores, Panel!, m, _order ??= HacMoments.UnitTimeOrder(Panel!));
}
