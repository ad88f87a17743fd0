namespace Panelwise.Study.Definition;

/// <summary>A <c>compare:</c> block as written (a heterogeneity table): the model, its covariance, the grouping column
/// and optional level order, whether a whole-sample column comes first (and its title), the coefficient compared, the
/// equality test (suest, chow, permutation[:B]) with its seed, and a sample filter, each with its line.</summary>
public sealed record CompareDefinition
{
    public Located<string>? Formula { get; init; }
    public Located<string>? Vcov { get; init; }
    public Located<string>? By { get; init; }
    public IReadOnlyList<Located<string>> Levels { get; init; } = [];

    /// <summary>"true", "false" or a title for the whole-sample column; null = no such column.</summary>
    public Located<string>? Total { get; init; }
    public Located<string>? Coefficient { get; init; }
    public Located<string>? Test { get; init; }
    public Located<string>? If { get; init; }
    public int? Seed { get; init; }
    public long Line { get; init; }
}
