namespace Panelwise.Methods.Multiverse;

/// <summary>A multiverse's estimates, one per specification in enumeration order, and their summary.</summary>
public sealed record MultiverseResult(MultiverseSpec Spec, IReadOnlyList<SpecificationEstimate> Estimates, MultiverseSummary Summary)
{
    /// <summary>The number of model fits run (specifications differing only in covariance share one fit).</summary>
    public int FitCount { get; init; }

    /// <summary>The baseline's estimate, when one is marked.</summary>
    public SpecificationEstimate? Baseline => Summary.BaselineNumber is { } n ? Estimates.First(e => e.Spec.Number == n) : null;
}
