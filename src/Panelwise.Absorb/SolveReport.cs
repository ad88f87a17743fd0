namespace Panelwise.Absorb;

/// <summary>What the solver did: the method, the largest number of iterations any column needed, whether every
/// column converged, and the achieved tolerance (alternating projections: the largest final relative change;
/// conjugate gradients: the largest relative residual of the normal equations, ‖b - Sγ‖ / ‖b‖).</summary>
public sealed record SolveReport(string Method, int Iterations, bool Converged, double AchievedTolerance)
{
    /// <summary>Estimated error of the demeaned columns relative to their centred norm (the quantity the tolerance
    /// bounds), when the method estimates it.</summary>
    public double? EstimatedError { get; init; }
}
