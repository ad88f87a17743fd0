namespace Panelwise.Inference.Bootstrap;

/// <summary>The wild cluster restricted bootstrap of a fit: replications actually used (2^G when every Rademacher
/// draw is enumerated), weights, seed, cluster variable and count, and one row per coefficient.</summary>
public sealed record WildBootstrapResult
{
    public required int Reps { get; init; }
    public required BootstrapWeights Weights { get; init; }
    public required int Seed { get; init; }

    /// <summary>True when all 2^G Rademacher sign vectors were used instead of random draws (boottest does the same
    /// when B ≥ 2^G): the p-values are then exact, not Monte Carlo estimates.</summary>
    public required bool Enumerated { get; init; }

    public required string Cluster { get; init; }
    public required int Clusters { get; init; }
    public required IReadOnlyList<WildBootstrapCoefficient> Coefficients { get; init; }
}
