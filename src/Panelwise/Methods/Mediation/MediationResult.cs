namespace Panelwise.Methods.Mediation;

/// <summary>Mediation results: each mediator alone and, with several, all jointly; one common sample.</summary>
public sealed record MediationResult
{
    public required int Nobs { get; init; }

    /// <summary>Each mediator in its own equations, in the order given.</summary>
    public required IReadOnlyList<MediatorResult> Each { get; init; }

    /// <summary>All mediators together; null with a single mediator.</summary>
    public JointMediation? Joint { get; init; }

    /// <summary>The covariance convention of every equation (same as fit's).</summary>
    public required string VcovConvention { get; init; }

    /// <summary>How the bootstrap resampled ("cases" or "clusters of VAR"), when it ran.</summary>
    public string? Resampling { get; init; }

    public required IReadOnlyList<Note> Notes { get; init; }

    /// <summary>The fitted equations in the order a mediation table shows them: the total effect, then per mediator
    /// X -> M and Y ~ X + M, then (with several mediators) the joint outcome equation. Tables take their Controls,
    /// fixed-effect, N and R² rows from them, the referee checks their cluster counts.</summary>
    public IReadOnlyList<Results.RegressionResult> Equations { get; init; } = [];
}
