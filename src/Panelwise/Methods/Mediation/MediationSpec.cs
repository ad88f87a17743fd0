namespace Panelwise.Methods.Mediation;

/// <summary>What <see cref="MediationAnalysis"/> estimates: Y on X through the mediators M, with the same controls,
/// absorbed fixed effects, sample and covariance in every equation.</summary>
public sealed record MediationSpec
{
    /// <summary>The outcome Y (a column or an expression such as <c>log(y)</c>).</summary>
    public required string Outcome { get; init; }

    /// <summary>The treatment or cause X.</summary>
    public required string Treatment { get; init; }

    /// <summary>One or more mediators M; with several, each is analysed alone and all jointly.</summary>
    public required IReadOnlyList<string> Mediators { get; init; }

    /// <summary>Control terms as they would follow <c>+</c> in a formula, e.g. <c>c1 + log(c2) + i(region)</c>; null for none.</summary>
    public string? Controls { get; init; }

    /// <summary>Fixed effects to absorb, as after <c>|</c> in a formula, e.g. <c>id + year</c>; null for none.</summary>
    public string? FixedEffects { get; init; }

    /// <summary>Bootstrap replications for the interval of a·b (0 = none).</summary>
    public int BootstrapReps { get; init; }

    /// <summary>Seed of the bootstrap draws.</summary>
    public int Seed { get; init; } = 12345;
}
