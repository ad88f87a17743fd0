using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>An immutable least-squares fit: coefficients, the bread (X'WX)⁻¹, residuals, the kept design
/// columns (fixed effects absorbed) and the degree-of-freedom parts. It holds no standard errors: a covariance
/// estimator turns it into inference (the Inference.Covariance families, via Inference.VcovEstimator). A record so that panel estimators can restate
/// what is reported (e.g. hide LSDV dummies) without refitting.</summary>
public sealed record LinearFit
{
    public required string Formula { get; init; }
    public required string ResponseName { get; init; }

    /// <summary>Kept terms in estimation order (the intercept "_cons" first when present).</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>Kept terms in reporting order: formula order, intercept last (Stata's convention).</summary>
    public required IReadOnlyList<string> ReportOrder { get; init; }

    /// <summary>Coefficients in the data's units.</summary>
    public required double[] Coefficients { get; init; }

    /// <summary>(X̃'WX̃)⁻¹ of the equilibrated columns X̃ = X·diag(<see cref="Scales"/>): the bread in the data's units is
    /// D·Bread·D, which may not be representable (a regressor times 1e-300 has variance about 1e600).</summary>
    public required double[,] Bread { get; init; }

    /// <summary>Kept design columns X̃_j = X_j·Scales[j], aligned with <see cref="Terms"/> (absorbed and recentred for FE
    /// models). Columns·<see cref="EquilibratedCoefficient"/> is the fitted value.</summary>
    public required IReadOnlyList<double[]> Columns { get; init; }

    /// <summary>The power-of-two factor each column was equilibrated by (see Numerics.ColumnEquilibration); null when
    /// all are 1, which is the case for data within about 1e±30.</summary>
    public double[]? Scales { get; init; }

    /// <summary>Scales[j], or 1.</summary>
    public double Scale(int j) => Scales?[j] ?? 1;

    /// <summary>The coefficient of the equilibrated column <see cref="Columns"/>[j]: Coefficients[j] / Scales[j].</summary>
    public double EquilibratedCoefficient(int j) => Coefficients[j] / Scale(j);

    public required double[] Residuals { get; init; }

    /// <summary>Σ s s' of the scores s_i = e_i x_i (x_i the <see cref="Columns"/>, e_i the <see cref="Residuals"/>) summed
    /// by observation (argument null) or by one cluster variable, when the fit gives them without reading its n-row
    /// columns (an IV fit: from its sample's fused score pass, shared with the diagnostics); null when the covariances
    /// read the columns row by row.</summary>
    public Func<FixedEffect?, double[,]>? ScoreSums { get; init; }
    public double[]? Weights { get; init; }

    /// <summary>Σw of a weighted fit computed where its rows live (a database engine), which holds no per-row
    /// <see cref="Weights"/>; null otherwise.</summary>
    public double? WeightTotal { get; init; }
    public required int Nobs { get; init; }
    public required bool HasIntercept { get; init; }

    /// <summary>Terms dropped as collinear (with the other regressors or the fixed effects).</summary>
    public required IReadOnlyList<string> DroppedTerms { get; init; }

    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }
    public required IReadOnlyList<FixedEffect> Clusters { get; init; }

    /// <summary>Unit and period of each observation when the panel is declared; null otherwise.</summary>
    public PanelCodes? Panel { get; init; }

    /// <summary>Weighted sum of squared residuals.</summary>
    public required double Ssr { get; init; }

    /// <summary>Total sum of squares: centred on the (weighted) mean when there is an intercept, else uncentred.</summary>
    public required double Tss { get; init; }

    /// <summary>Sum of squares of the response after absorbing the fixed effects (NaN without FE).</summary>
    public required double TssWithin { get; init; }

    public SolveReport? AbsorbReport { get; init; }
    public required string SolverMethod { get; init; }
    public required IReadOnlyList<Note> Notes { get; init; }

    /// <summary>Wall time of the estimation phases.</summary>
    public IReadOnlyList<PhaseTime> Timings { get; init; } = [];

    /// <summary>Degrees of freedom absorbed by the fixed effects, net of the intercept's (see <see cref="DegreesOfFreedom"/>);
    /// computed once, since counting connected components is a pass over the data.</summary>
    public required int AbsorbedDof { get; init; }

    /// <summary>Number of estimated coefficients (kept terms, intercept included).</summary>
    public int K => Terms.Count;

    /// <summary>The cluster variable of that name.</summary>
    public FixedEffect? FindCluster(string name) => Clusters.FirstOrDefault(c => c.Name == name);
}
