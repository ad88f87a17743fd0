namespace Panelwise.Inference.Tests;

/// <summary>The first stage of one endogenous regressor (ivreg2 <c>first</c>): coefficients on the excluded instruments
/// (after partialling the included exogenous regressors and the fixed effects; Frisch-Waugh-Lovell makes them equal to
/// those of the full first stage), the F test that they are all zero under the model's covariance (<see cref="F"/>) and
/// under iid errors (<see cref="FIid"/>), the partial R², Shea's (1997) partial R², and the Sanderson-Windmeijer (2016)
/// conditional F.</summary>
public sealed record FirstStageRow
{
    public required string Endogenous { get; init; }
    public required TestStatistic F { get; init; }
    public required double FIid { get; init; }
    public required double PartialR2 { get; init; }
    public required double SheaPartialR2 { get; init; }
    public required TestStatistic SandersonWindmeijerF { get; init; }
    public required IReadOnlyList<CoefficientRow> Coefficients { get; init; }
}
