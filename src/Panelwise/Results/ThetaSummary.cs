namespace Panelwise.Results;

/// <summary>The distribution of the random-effects weight θ_i over units (unbalanced panels), as xtreg, re prints it:
/// minimum, 5th percentile, median, 95th percentile, maximum (percentiles by Stata's _pctile definition).</summary>
public sealed record ThetaSummary(double Min, double P5, double Median, double P95, double Max);
