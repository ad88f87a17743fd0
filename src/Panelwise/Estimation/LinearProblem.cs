using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>The numbers a linear model is fitted on: the estimation sample only, one contiguous array per column.
/// The estimator takes ownership: absorbing fixed effects overwrites <see cref="Response"/> and
/// <see cref="Regressors"/> in place (one copy of the design in memory).</summary>
public sealed record LinearProblem
{
    public required string ResponseName { get; init; }
    public required double[] Response { get; init; }
    public required IReadOnlyList<string> RegressorNames { get; init; }
    public required IReadOnlyList<double[]> Regressors { get; init; }
    public bool Intercept { get; init; } = true;
    public IReadOnlyList<FixedEffect> FixedEffects { get; init; } = [];

    /// <summary>Centre the total sum of squares (R²) even without an intercept column: for designs whose constant is a
    /// transformed column, e.g. (1-θ) in random effects. Null follows the intercept.</summary>
    public bool? CentredTotal { get; init; }

    /// <summary>Cluster variables (codes over the sample), available to any covariance computed later.</summary>
    public IReadOnlyList<FixedEffect> Clusters { get; init; } = [];

    /// <summary>Analytic weights, or null.</summary>
    public double[]? Weights { get; init; }

    /// <summary>Notes from building the sample (missing values, filters), carried into the result.</summary>
    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Unit and period of each observation when the panel is declared (--panel), for time-aware covariances.</summary>
    public PanelCodes? Panel { get; init; }

    /// <summary>The formula as written, for the result.</summary>
    public string Formula { get; init; } = "";
}
