namespace Panelwise.Absorb;

/// <summary>Options of the fixed-effect solver.</summary>
public sealed record AbsorbOptions
{
    /// <summary>Convergence tolerance: a sweep that moves no value by more than Tolerance times the column's
    /// scale (root mean square, at least 1) ends the iterations. Default 1e-8 (fixest 1e-6, reghdfe 1e-8).</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Maximum number of sweeps per column before non-convergence is reported.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Worker threads; 0 = all cores.</summary>
    public int Threads { get; init; }
}
