namespace Panelwise.Absorb;

/// <summary>Replaces columns, in place, by their residuals from the projection on all fixed-effect dummies.</summary>
public interface IFixedEffectSolver
{
    SolveReport Demean(IReadOnlyList<double[]> columns);
}
