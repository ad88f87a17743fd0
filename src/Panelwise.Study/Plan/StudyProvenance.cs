namespace Panelwise.Study.Plan;

/// <summary>Which data of a study are synthetic (generated, not observed): the columns of <c>synthetic: true</c>
/// sources and of the root <c>synthetic:</c> list, and every variable or index node computed from one of them. Built
/// by the planner, so that the report, checks.md and results.json can say which estimates rest on generated data.</summary>
public sealed record StudyProvenance
{
    /// <summary>A study that says nothing about synthetic data: no provenance statement is made.</summary>
    public static readonly StudyProvenance Undeclared = new();

    /// <summary>Whether the study declares its synthetic data (a <c>synthetic: true</c> source or the root
    /// <c>synthetic:</c> key, even empty). When false, nothing is claimed about real or synthetic data.</summary>
    public bool Declared { get; init; }

    /// <summary>Every synthetic name (data column, variable, index node) and why: the synthetic source file, "listed
    /// in 'synthetic'", or "from a, b" (the synthetic data columns it is computed from).</summary>
    public IReadOnlyDictionary<string, string> Synthetic { get; init; } = new Dictionary<string, string>();

    /// <summary>The variables the tables use (formulas, summary blocks, filters, groups) with real data, in order of
    /// first use; the panel's id and time are identifiers and not listed.</summary>
    public IReadOnlyList<string> RealUsed { get; init; } = [];

    /// <summary>The variables the tables use that are synthetic, in order of first use.</summary>
    public IReadOnlyList<string> SyntheticUsed { get; init; } = [];

    public bool IsSynthetic(string name) => Synthetic.ContainsKey(name);
}
