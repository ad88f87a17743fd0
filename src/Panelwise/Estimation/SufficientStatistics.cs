namespace Panelwise.Estimation;

/// <summary>What a one-way fixed-effects regression y = x'b + α_g + e needs from its rows, computed where the rows live
/// (e.g. in SQL on a database engine): counts, grand means and the within-group (demeaned) cross-products.
/// With x̃ = x - x̄_g and ỹ = y - ȳ_g (group means), b = (X̃'X̃)⁻¹X̃'ỹ (Frisch-Waugh-Lovell), and Stata's
/// <c>_cons</c> = ȳ - x̄'b comes from the regression of ỹ + ȳ on [1, X̃ + x̄] (reghdfe, xtreg fe). With a small second
/// effect the cross-products are those after it is projected out too (<see cref="SmallEffectProjection"/>).</summary>
public sealed record SufficientStatistics
{
    public required string Formula { get; init; }
    public required string ResponseName { get; init; }

    /// <summary>Slope regressors in formula order.</summary>
    public required IReadOnlyList<string> Regressors { get; init; }

    /// <summary>The absorbed effects' names and levels in the estimation sample (singletons dropped): the large one
    /// first, then at most one small one that <see cref="SmallEffectProjection"/> has projected out.</summary>
    public required IReadOnlyList<(string Name, int Levels)> Effects { get; init; }

    /// <summary>Degrees of freedom the effects absorb net of the intercept: L1 - 1, or L1 + L2 - C - 1 with C the
    /// connected components of the two effects' graph (exact, as reghdfe).</summary>
    public required int AbsorbedDof { get; init; }

    /// <summary>C, the connected components ("mobility groups") of the two effects' graph; null with one effect.</summary>
    public int? Components { get; init; }

    /// <summary>Rows in the estimation sample, and singleton groups dropped before it (reghdfe's default).</summary>
    public required long Rows { get; init; }
    public required long Singletons { get; init; }

    /// <summary>Grand means of y and of each regressor over the estimation sample.</summary>
    public required double MeanY { get; init; }
    public required double[] MeansX { get; init; }

    /// <summary>X̃'X̃ (k x k), X̃'ỹ and ỹ'ỹ of the demeaned columns.</summary>
    public required double[,] Xtx { get; init; }
    public required double[] Xty { get; init; }
    public required double Yty { get; init; }

    /// <summary>Σw over the estimation sample for a weighted fit (whose means, cross-products and sums of squares
    /// are then all weighted); null without weights.</summary>
    public double? TotalWeight { get; init; }

    /// <summary>Σ (y - ȳ)² over the estimation sample.</summary>
    public required double TotalSquares { get; init; }

    /// <summary>Σ (x_j - x̄_j)² per regressor over the estimation sample: the norm a regressor's part left after the
    /// others and the fixed effects is judged against when deciding collinearity (as in memory).</summary>
    public required double[] CentredSquaresX { get; init; }

    /// <summary>Notes on the sample made where the rows live, before the fit's own (e.g. rows dropped for missing
    /// values), in the in-memory fit's words.</summary>
    public IReadOnlyList<Note> SampleNotes { get; init; } = [];

    /// <summary>Regressors dropped as collinear (in formula order; true when collinear with the fixed effects alone),
    /// already removed from <see cref="Regressors"/> and the cross-products.</summary>
    public IReadOnlyList<(string Term, bool ByFixedEffects)> Dropped { get; init; } = [];
}

/// <summary>Residual sums for the covariance, computed where the rows live once the slopes are known, with e = ỹ - X̃'b
/// and z = [1, x̃ + x̄] (the fit's design with the intercept first): Σe², and the meat of the sandwich.</summary>
public sealed record ResidualStatistics
{
    /// <summary>Σe² (Σwe² with weights; the meat then has w e in place of e).</summary>
    public required double Ssr { get; init; }

    /// <summary>Σ e_i² z_i z_i' (HC) or Σ_g s_g s_g' with s_g = Σ_{i in g} e_i z_i (clusters); null for iid.</summary>
    public double[,]? Meat { get; init; }

    /// <summary>Cluster variable and its number of clusters, when clustered (one-way).</summary>
    public string? Cluster { get; init; }
    public int ClusterCount { get; init; }

    /// <summary>Each cluster variable and its number of clusters when clustered two-way; <see cref="Meat"/> is then
    /// M₁ + M₂ - M₁₂ (Cameron, Gelbach and Miller) and <see cref="NestedInCluster"/> true for an effect nested in either.</summary>
    public IReadOnlyList<(string Name, int Count)> ClusterCounts { get; init; } = [];

    /// <summary>Per absorbed effect (in <see cref="SufficientStatistics.Effects"/> order), true when it is nested in the
    /// cluster variable: its levels are then not counted in K (xtreg fe, reghdfe).</summary>
    public IReadOnlyList<bool> NestedInCluster { get; init; } = [];
}
