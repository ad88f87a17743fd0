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

    /// <summary>The first column (the response) probes the graph: if the sweeps fail it, every column goes to CG
    /// at once, so a hard graph costs one column's sweeps and their two N-length extrapolation buffers, not all.</summary>
    public SolveReport Demean(IReadOnlyList<double[]> columns)
    {
        if (columns.Count == 0) return new SolveReport("none", 0, true, 0);
        int budget = Math.Min(SweepBudget, _options.MaxIterations);
        var sweeps = new AlternatingProjections(_effects, _weights, _options with { MaxIterations = budget }) { GiveUpWhenSlow = budget < _options.MaxIterations };
        var first = sweeps.DemeanEach([columns[0]], out var probe);
        if (!probe[0] && budget == _options.MaxIterations) return first;
        List<double[]> rest;
        if (probe[0])
        {
            var others = columns.Skip(1).ToList();
            var swept = sweeps.DemeanEach(others, out var converged);
            first = first with { Iterations = Math.Max(first.Iterations, swept.Iterations), AchievedTolerance = Math.Max(first.AchievedTolerance, swept.AchievedTolerance) };
            rest = others.Where((_, c) => !converged[c]).ToList();
            if (rest.Count == 0) return first;
            if (budget == _options.MaxIterations) return swept;
        }
        else rest = [.. columns];
        var cg = new SchurConjugateGradient(_effects, _weights, _options with { MaxIterations = _options.MaxIterations - first.Iterations });
        var second = cg.Demean(rest);
        return second with
        {
            Method = $"alternating projections ({first.Iterations} sweeps), then {second.Method}",
            Iterations = first.Iterations + second.Iterations,
        };
    }
}
