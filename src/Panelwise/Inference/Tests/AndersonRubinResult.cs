namespace Panelwise.Inference.Tests;

/// <summary>The Anderson-Rubin (1949) test of H0: β_endogenous = 0, robust to weak instruments, in its F and chi2 forms
/// (ivreg2 <c>arf</c>, <c>archi2</c>), and for one endogenous regressor the confidence set {β0 : AR F(β0) ≤ F crit}
/// as a union of intervals (bounds may be infinite: the set can be unbounded when the instruments are weak).</summary>
public sealed record AndersonRubinResult
{
    public required TestStatistic F { get; init; }
    public required TestStatistic Chi2 { get; init; }
    public IReadOnlyList<(double Low, double High)>? ConfidenceSet { get; init; }
    public double Level { get; init; } = 0.95;
}
