namespace Panelwise.Design;

/// <summary>The estimation sample as contiguous arrays: rows where the filter holds and every variable the
/// model uses (response, regressors, IV part, fixed effects, clusters, weights) is present.</summary>
public sealed class ModelData
{
    /// <summary>Number of sample rows (n).</summary>
    public required int RowCount { get; init; }

    /// <summary>For each sample row, its 0-based row in the original frame.</summary>
    public required int[] SourceRows { get; init; }

    /// <summary>Name of the response, e.g. <c>log(y)</c>.</summary>
    public required string ResponseName { get; init; }

    /// <summary>Response values on the sample.</summary>
    public required double[] Response { get; init; }

    /// <summary>Regressor names in formula order, with i() expanded to <c>f::level</c> (or <c>f::level:x</c>).</summary>
    public required IReadOnlyList<string> RegressorNames { get; init; }

    /// <summary>One array of length <see cref="RowCount"/> per regressor, matching <see cref="RegressorNames"/>.</summary>
    public required IReadOnlyList<double[]> Regressors { get; init; }

    /// <summary>For each regressor column, the index of its term in the model's regressors (i() gives several columns).</summary>
    internal IReadOnlyList<int> RegressorTerms { get; init; } = [];

    /// <summary>True when a constant column belongs in the model (no fixed effects and not dropped).</summary>
    public required bool Intercept { get; init; }

    /// <summary>Endogenous regressor names (IV part), expanded like <see cref="RegressorNames"/>.</summary>
    public IReadOnlyList<string> EndogenousNames { get; init; } = [];

    /// <summary>Endogenous regressors on the sample.</summary>
    public IReadOnlyList<double[]> Endogenous { get; init; } = [];

    /// <summary>Excluded instrument names (IV part).</summary>
    public IReadOnlyList<string> InstrumentNames { get; init; } = [];

    /// <summary>Excluded instruments on the sample.</summary>
    public IReadOnlyList<double[]> Instruments { get; init; } = [];

    /// <summary>Fixed effects to absorb, codes renumbered on the sample.</summary>
    public IReadOnlyList<FactorVariable> FixedEffects { get; init; } = [];

    /// <summary>Cluster variables, codes renumbered on the sample.</summary>
    public IReadOnlyList<FactorVariable> Clusters { get; init; } = [];

    /// <summary>Analytic weights on the sample (all positive), or null.</summary>
    public double[]? Weights { get; init; }

    /// <summary>What happened to the data: filter counts, dropped rows by cause, values that became missing.</summary>
    public IReadOnlyList<Note> Notes { get; init; } = [];
}
