using Panelwise.Inference;

namespace Panelwise.Results;

/// <summary>A Hausman test of fixed against random effects: the compared coefficients, the chi2 test
/// (<see cref="Test"/>, with a note when V_b - V_B is not positive definite), the convention in words, and the two fits.</summary>
public sealed record HausmanResult(IReadOnlyList<HausmanRow> Rows, TestStatistic Test, string Convention,
    RegressionResult Consistent, RegressionResult Efficient);
