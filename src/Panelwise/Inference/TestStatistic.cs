namespace Panelwise.Inference;

/// <summary>A named test: statistic, degrees of freedom (Df2 for F tests), p-value, distribution ("chi2", "F", "z", "t"),
/// and a note (e.g. when a covariance difference is not positive definite).</summary>
public sealed record TestStatistic(string Distribution, double Statistic, double Df, double PValue, double? Df2 = null, Note? Note = null);
