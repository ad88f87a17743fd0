namespace Panelwise.Absorb;

/// <summary>Replaces columns, in place, by their residuals from the projection on all fixed-effect dummies.</summary>
public interface IFixedEffectSolver
{
    SolveReport Demean(IReadOnlyList<double[]> columns);

    /// <summary><see cref="Demean"/>, then each column's within sum of squares Σ w x̃² into
    /// <paramref name="withinSquares"/>, then <paramref name="shifts"/>[c] added to column c: what an estimator that
    /// reports _cons = ȳ - x̄'b needs. A solver whose last pass visits every value fuses this into it.</summary>
    SolveReport DemeanAndShift(IReadOnlyList<double[]> columns, double[]? weights, double[] shifts, double[] withinSquares) =>
        WithinShift.AfterDemean(this, columns, weights, shifts, withinSquares);
}
