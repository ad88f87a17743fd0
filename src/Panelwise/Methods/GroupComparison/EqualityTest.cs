namespace Panelwise.Methods.GroupComparison;

/// <summary>A test that two groups share a coefficient (or, for Chow, all coefficients).</summary>
/// <param name="Test">"suest" (Wald chi2), "permutation" (Fisher, statistic = difference b_A - b_B) or "chow" (F).</param>
/// <param name="Coefficient">The coefficient; null for Chow, which tests them all.</param>
/// <param name="Groups">The two groups compared.</param>
/// <param name="Statistic">chi2, the difference, or F.</param>
/// <param name="Df">chi2 / numerator degrees of freedom (NaN for permutation).</param>
/// <param name="Df2">Denominator degrees of freedom of Chow's F (NaN otherwise).</param>
/// <param name="PValue">p-value (two-sided for permutation: share of |d*| ≥ |d|).</param>
public sealed record EqualityTest(string Test, string? Coefficient, (string A, string B) Groups, double Statistic, double Df, double Df2, double PValue);
