namespace Panelwise.Absorb;

/// <summary>The solver for two or more effects that are not a large one plus small ones: accelerated alternating
/// projections for a few sweeps, which is all a well-connected graph needs (fixest and reghdfe converge in 2-6 there),
/// and conjugate gradients on whatever did not converge (<see cref="SchurConjugateGradient"/>), which a poorly
/// connected graph (worker + firm with few movers) needs. The hand-over is exact: every sweep leaves a column of the
/// form x - Dα, whose projection residual is that of x. Measured on the bench panels (bench/README.md): 6 sweeps on
/// id + year + industry-year; on the hard worker-firm panel the sweeps cost a few percent of the CG solve.</summary>
public sealed class AdaptiveSolver : IFixedEffectSolver
{
    /// <summary>Sweeps of alternating projections before conjugate gradients take over.</summary>
    public const int SweepBudget = 10;

    private readonly IReadOnlyList<FixedEffect> _effects;
    private readonly double[]? _weights;
    private readonly AbsorbOptions _options;

    public AdaptiveSolver(IReadOnlyList<FixedEffect> effects, double[]? weights, AbsorbOptions options)
    {
        _effects = effects;
        _weights = weights;
        _options = options;
    }

    public SolveReport Demean(IReadOnlyList<double[]> columns)
    {
        int budget = Math.Min(SweepBudget, _options.MaxIterations);
        var sweeps = new AlternatingProjections(_effects, _weights, _options with { MaxIterations = budget });
        var first = sweeps.DemeanEach(columns, out var converged);
        if (first.Converged || budget == _options.MaxIterations) return first;
        var rest = columns.Where((_, c) => !converged[c]).ToList();
        var cg = new SchurConjugateGradient(_effects, _weights, _options with { MaxIterations = Math.Max(1, _options.MaxIterations - budget) });
        var second = cg.Demean(rest);
        return second with
        {
            Method = $"alternating projections ({budget} sweeps), then {second.Method}",
            Iterations = budget + second.Iterations,
        };
    }
}
