using Panelwise.Data;

namespace Panelwise.Study.Plan;

/// <summary>A study checked against its data: every name, formula and option is known to be usable, so running it
/// can fail only in estimation itself. Built by <see cref="StudyPlanner"/>.</summary>
public sealed record StudyPlan
{
    public required string Source { get; init; }
    public string Title { get; init; } = "";

    /// <summary>The data as read and joined, before the study's variables and indices are added.</summary>
    public required Frame Data { get; init; }

    /// <summary>The data files in the order they are joined.</summary>
    public required IReadOnlyList<string> DataPaths { get; init; }

    /// <summary>What the data sources did (each keyword classification's counts): first in the data-handling report
    /// and among the run's notes.</summary>
    public IReadOnlyList<DataStepReport> DataSteps { get; init; } = [];

    /// <summary>The files a run reads besides the study file (the data files), in order, for the reproducibility stamp.</summary>
    public IReadOnlyList<string> InputFiles => DataPaths;
    public (string Id, string Time)? Panel { get; init; }
    public IReadOnlyList<Definition.VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<PlannedIndex> Indices { get; init; } = [];

    /// <summary>Random seeds the study uses (bootstrapped mediation tables, permutation tests and matching, in
    /// table order), for the stamp.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [];
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The study's fixed texts (its root <c>language:</c> and <c>text:</c>), for the tables a data step writes
    /// (a <c>classify_units</c> variable's factor, membership and agreement tables).</summary>
    public Render.Tables.TableText Text { get; init; } = Render.Tables.TableText.En;
    public IReadOnlyList<PlannedTable> Tables { get; init; } = [];
    public PlannedPlots Plots { get; init; } = new([], "");

    /// <summary>Which data are synthetic and which variables the tables use of each kind.</summary>
    public StudyProvenance Provenance { get; init; } = StudyProvenance.Undeclared;
}
