using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>The numbers an IV model is fitted on (estimation sample only): response, included exogenous regressors,
/// endogenous regressors, excluded instruments, fixed effects to absorb and cluster variables. The estimator takes
/// ownership: absorbing fixed effects overwrites the arrays in place.</summary>
public sealed record IvProblem
{
    public required string ResponseName { get; init; }
    public required double[] Response { get; init; }
    public required IReadOnlyList<string> ExogenousNames { get; init; }
    public required IReadOnlyList<double[]> Exogenous { get; init; }
    public required IReadOnlyList<string> EndogenousNames { get; init; }
    public required IReadOnlyList<double[]> Endogenous { get; init; }
    public required IReadOnlyList<string> InstrumentNames { get; init; }
    public required IReadOnlyList<double[]> Instruments { get; init; }

    /// <summary>Include a constant (ignored with fixed effects, which absorb it).</summary>
    public bool Intercept { get; init; } = true;

    public IReadOnlyList<FixedEffect> FixedEffects { get; init; } = [];
    public IReadOnlyList<FixedEffect> Clusters { get; init; } = [];

    /// <summary>Unit and period codes of the sample rows when the panel is declared; null otherwise.</summary>
    public PanelCodes? Panel { get; init; }
    public IReadOnlyList<Note> Notes { get; init; } = [];
    public string Formula { get; init; } = "";
}
