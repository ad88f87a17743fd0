namespace Panelwise.Absorb;

/// <summary>What the solver did: the method, the largest number of sweeps any column needed, whether every
/// column converged, and the largest final relative change.</summary>
public sealed record SolveReport(string Method, int Iterations, bool Converged, double AchievedTolerance);
