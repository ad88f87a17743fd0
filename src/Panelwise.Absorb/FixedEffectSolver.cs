namespace Panelwise.Absorb;

/// <summary>Chooses the solver for a set of fixed effects: exact one-way demeaning; an exact direct solve when every
/// effect but the largest has few levels together (e.g. firm + year: the year dummies are partialled out of the
/// firm-demeaned data by a small dense system); otherwise a few sweeps of accelerated alternating projections and, if
/// the graph is poorly connected, conjugate gradients on the rest (<see cref="AdaptiveSolver"/>).</summary>
public static class FixedEffectSolver
{
    /// <summary>Largest total number of levels of the smaller effects solved directly (dense L x L system).</summary>
    public const int DirectLevelLimit = 1000;

    public static IFixedEffectSolver Create(IReadOnlyList<FixedEffect> effects, double[]? weights, AbsorbOptions options)
    {
        if (effects.Count == 0) throw new ArgumentException("At least one fixed effect is needed.", nameof(effects));
        if (effects.Count == 1) return new AlternatingProjections(effects, weights, options);
        var largest = effects.MaxBy(e => e.Levels)!;
        var small = effects.Where(e => !ReferenceEquals(e, largest)).ToList();
        if (small.Sum(e => e.Levels) <= DirectLevelLimit)
            return new DirectSmallEffects(largest, small, weights, options);
        return new AdaptiveSolver(effects, weights, options);
    }
}
