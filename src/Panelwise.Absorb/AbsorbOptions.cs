namespace Panelwise.Absorb;

/// <summary>Options of the fixed-effect solver.</summary>
public sealed record AbsorbOptions
{
    /// <summary>Convergence tolerance, default 1e-8 (fixest 1e-6, reghdfe 1e-8). Conjugate gradients stop when the
    /// estimated W-norm error of a demeaned column is at most Tolerance times its centred norm
    /// (<see cref="SchurConjugateGradient"/>; slopes then err by about Tolerance²); alternating projections when a
    /// sweep moves no value by more than Tolerance times the column's centred RMS.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Maximum number of sweeps plus conjugate-gradient iterations before non-convergence is reported.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Worker threads; 0 = all cores.</summary>
    public int Threads { get; init; }
}
