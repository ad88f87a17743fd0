using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>Options of linear estimation. Defaults follow Stata (reghdfe): singletons dropped, FE tolerance 1e-8.</summary>
public sealed record EstimationOptions
{
    /// <summary>Fixed-effect solver settings.</summary>
    public AbsorbOptions Absorb { get; init; } = new();

    /// <summary>Drop observations alone in a fixed-effect level (reghdfe default), repeatedly.</summary>
    public bool DropSingletons { get; init; } = true;

    /// <summary>A regressor whose norm after the earlier regressors (and the fixed effects) is at most this share of
    /// its own centered norm is dropped as collinear. Null = 1e-10 without fixed effects, 1e-7 with them (the
    /// absorbed columns carry the solver's own error, of order its tolerance).</summary>
    public double? CollinearityTolerance { get; init; }

    /// <summary>Worker threads; 0 = all cores.</summary>
    public int Threads { get; init; }
}
