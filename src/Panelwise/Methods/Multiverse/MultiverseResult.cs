namespace Panelwise.Methods.Multiverse;

/// <summary>A multiverse's estimates, one per specification in enumeration order, and their summary.</summary>
public sealed record MultiverseResult(MultiverseSpec Spec, IReadOnlyList<SpecificationEstimate> Estimates, MultiverseSummary Summary)
{
    /// <summary>The number of model fits run (specifications differing only in covariance share one fit).</summary>
    public int FitCount { get; init; }

    /// <summary>The number of designs built and absorbed: one per set of model fits with the same fixed effects, sample
    /// and weights (absorbed together), plus one per fit run alone.</summary>
    public int DesignCount { get; init; }

    /// <summary>The model fits run, for refitting the same multiverse on resampled data (<see cref="JointTest"/>).</summary>
    internal IReadOnlyList<ModelFit> Fits { get; init; } = [];

    /// <summary>Each covariance choice as written, parsed.</summary>
    public IReadOnlyDictionary<string, Inference.VcovSpec> Vcovs { get; init; } = new Dictionary<string, Inference.VcovSpec>();

    /// <summary>The joint test of the curve under the null, when asked for.</summary>
    public JointTestResult? Joint { get; init; }

    /// <summary>The baseline's estimate, when one is marked.</summary>
    public SpecificationEstimate? Baseline => Summary.BaselineNumber is { } n ? Estimates.First(e => e.Spec.Number == n) : null;
}
