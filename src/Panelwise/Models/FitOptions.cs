using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Estimation;

namespace Panelwise.Models;

/// <summary>Everything about a fit besides the data and the formula. Defaults are Stata's: iid errors, no weights,
/// singletons dropped, FE tolerance 1e-8.</summary>
public sealed record FitOptions
{
    /// <summary>Panel identifiers (unit, time), needed by l(), f(), d(); when given, duplicate (unit, time) pairs are an error.</summary>
    public (string Id, string Time)? Panel { get; init; }

    /// <summary>The covariance estimator.</summary>
    public VcovSpec Vcov { get; init; } = VcovSpec.Iid;

    /// <summary>A Stata-style filter such as <c>year >= 2015 &amp; region == 'east'</c>.</summary>
    public string? If { get; init; }

    /// <summary>Analytic weights column.</summary>
    public string? Weights { get; init; }

    /// <summary>The estimator: pooled OLS (default) or a panel model (needs <see cref="Panel"/>).</summary>
    public PanelModel Model { get; init; } = PanelModel.Ols;

    /// <summary>FGLS only (<see cref="PanelModel.Fgls"/>): the panel error structure; xtgls's defaults panels(iid) corr(independent).</summary>
    public Estimation.Panel.FglsOptions Fgls { get; init; } = new();

    /// <summary>LSDV only: report the unit dummies' coefficients (hidden by default, as areg hides them).</summary>
    public bool ShowFixedEffects { get; init; }

    /// <summary>Estimator and tests of an instrumental-variables formula (<c>y ~ x | fe | endo ~ z</c>).</summary>
    public IvOptions Iv { get; init; } = new();

    /// <summary>When set to k: fit, drop the observations whose standardised residual |e_i|/s exceeds k (see
    /// <see cref="ResidualOutliers"/>), and refit once; a note says how many were dropped.</summary>
    public double? DropOutliers { get; init; }

    /// <summary>Frame rows to leave out (set by sample tools such as <see cref="DropOutliers"/>), with the reason for the note.</summary>
    internal bool[]? ExcludedRows { get; init; }

    internal string? ExclusionReason { get; init; }

    /// <summary>Cluster variables the design carries besides the covariance's own, so that one fit can be re-covaried
    /// under several clusterings (<see cref="Results.RegressionResult.WithVcov"/>). Only variables without missing
    /// values may be added: a missing cluster value would drop the row from the sample.</summary>
    internal IReadOnlyList<string> ExtraClusterVariables { get; init; } = [];

    /// <summary>Lets a single pooled-OLS/absorbed-FE fit work in the frame's own numeric columns instead of copies: on
    /// 1e7 rows and six variables that saves 0.5 GB of fresh memory and its page faults. Afterwards the frame's columns
    /// used by the model hold transformed (demeaned) values, so set it only when the frame is discarded after the fit,
    /// as the CLI's fit command does. Ignored when the formula expands to several models, with
    /// <see cref="DropOutliers"/>, and for panel models.</summary>
    public bool OverwriteData { get; init; }

    /// <summary>Solver and collinearity settings.</summary>
    public EstimationOptions Estimation { get; init; } = new();

    /// <summary>The design request these options make for one model variant (filter, exclusions, clusters, weights).</summary>
    internal Design.DesignRequest DesignRequest(Data.Frame frame, Formula.ModelSpec spec, Data.PanelIndex? panel) => new()
    {
        Frame = frame,
        Spec = spec,
        Panel = panel,
        If = If,
        ExcludedRows = ExcludedRows,
        ExclusionReason = ExclusionReason,
        ClusterVariables = ExtraClusterVariables.Count == 0 ? Vcov.ClusterVariables
            : [.. Vcov.ClusterVariables, .. ExtraClusterVariables.Except(Vcov.ClusterVariables, StringComparer.Ordinal)],
        Weights = Weights,
    };
}
