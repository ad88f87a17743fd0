namespace Panelwise.Study.Definition;

/// <summary>A <c>mediate:</c> block as written: outcome, treatment, mediators, controls, fixed effects, covariance,
/// bootstrap replications and seed, each with its line.</summary>
public sealed record MediationDefinition
{
    public Located<string>? Outcome { get; init; }
    public Located<string>? Treatment { get; init; }
    public IReadOnlyList<Located<string>> Mediators { get; init; } = [];
    public Located<string>? Controls { get; init; }
    public Located<string>? FixedEffects { get; init; }
    public Located<string>? Vcov { get; init; }
    public int Bootstrap { get; init; }
    public int? Seed { get; init; }
    public long Line { get; init; }
}
