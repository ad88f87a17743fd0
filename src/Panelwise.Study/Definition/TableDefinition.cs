namespace Panelwise.Study.Definition;

/// <summary>One entry of <c>tables</c>: either regression <see cref="Columns"/> or a <see cref="Summary"/> block,
/// plus presentation settings.</summary>
public sealed record TableDefinition
{
    public required Located<string> Name { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<FitColumnDefinition> Columns { get; init; } = [];
    public SummaryDefinition? Summary { get; init; }
    public IReadOnlyList<Located<string>> Controls { get; init; } = [];
    public IReadOnlyList<Located<string>> Statistics { get; init; } = [];
    /// <summary>Test-statistic rows by name (see TestRowCatalog).</summary>
    public IReadOnlyList<Located<string>> Tests { get; init; } = [];

    /// <summary>Whether the notes carry the reproducibility stamp; null = the study's setting.</summary>
    public bool? Stamp { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public Located<string>? Bracket { get; init; }
    public int? Decimals { get; init; }
    public IReadOnlyList<(string Symbol, double Level)>? Stars { get; init; }
    public long Line { get; init; }
}
