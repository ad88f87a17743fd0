using Panelwise.Render.Tables;

namespace Panelwise.Study.Plan;

/// <summary>A checked table: its file name, regression columns or a summary block, and how to draw it.</summary>
public sealed record PlannedTable
{
    public required string Name { get; init; }
    public IReadOnlyList<PlannedFit> Fits { get; init; } = [];
    public PlannedSummary? Summary { get; init; }

    /// <summary>A mediation table (the Baron-Kenny equations as columns); null for other kinds.</summary>
    public PlannedMediation? Mediation { get; init; }

    /// <summary>A heterogeneity table (the model per group with an equality-test row); null for other kinds.</summary>
    public PlannedComparison? Comparison { get; init; }

    /// <summary>A multiverse table (every combination of the choices); null for other kinds.</summary>
    public PlannedMultiverse? Multiverse { get; init; }
    public required RegressionTableOptions Layout { get; init; }

    /// <summary>The synthetic variables this table uses (see <see cref="StudyProvenance"/>), in order of first use;
    /// the table gets a note naming them.</summary>
    public IReadOnlyList<string> SyntheticVariables { get; init; } = [];

    /// <summary>Whether the notes end with the reproducibility stamp.</summary>
    public bool Stamp { get; init; } = true;
}
