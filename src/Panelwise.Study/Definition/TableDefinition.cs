namespace Panelwise.Study.Definition;

/// <summary>One entry of <c>tables</c>: regression <see cref="Columns"/>, a <see cref="Summary"/> block, a <see cref="Mediate"/> block or a
/// <see cref="Compare"/> block,
/// plus presentation settings.</summary>
public sealed record TableDefinition
{
    public required Located<string> Name { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<FitColumnDefinition> Columns { get; init; } = [];
    public SummaryDefinition? Summary { get; init; }

    /// <summary>A mediation table: the Baron-Kenny equations as columns with the indirect-effect rows.</summary>
    public MediationDefinition? Mediate { get; init; }

    /// <summary>A heterogeneity table: the model per group of a column, with an equality-test row.</summary>
    public CompareDefinition? Compare { get; init; }

    /// <summary>A multiverse table: every combination of the choices, its specification curve and summary.</summary>
    public MultiverseDefinition? Multiverse { get; init; }
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

    /// <summary><c>language</c>, <c>text</c>, <c>rename</c>, <c>digits</c>.</summary>
    public PresentationDefinition Presentation { get; init; } = new();
    public long Line { get; init; }
}
