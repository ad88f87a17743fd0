namespace Panelwise.Study.Definition;

/// <summary>A <c>descriptive</c>, <c>correlation</c> or <c>vif</c> block: variables, statistics (descriptive only)
/// and a sample filter.</summary>
public sealed record SummaryDefinition(SummaryKind Kind, IReadOnlyList<Located<string>> Variables,
    IReadOnlyList<Located<string>> Statistics, Located<string>? If, long Line);
