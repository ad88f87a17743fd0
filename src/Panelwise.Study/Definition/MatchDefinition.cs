namespace Panelwise.Study.Definition;

/// <summary>A fit column's <c>match:</c> block as written: the 0/1 treatment, the covariates of the logit score, the
/// caliper (score units), the number of controls per treated unit and the seed, each with its line.</summary>
public sealed record MatchDefinition
{
    public Located<string>? Treatment { get; init; }
    public IReadOnlyList<Located<string>> Covariates { get; init; } = [];
    public Located<string>? Caliper { get; init; }
    public int? Ratio { get; init; }
    public int? Seed { get; init; }
    public long Line { get; init; }
}
