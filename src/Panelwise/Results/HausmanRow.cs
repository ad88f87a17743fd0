namespace Panelwise.Results;

/// <summary>One compared coefficient: b (consistent, FE), B (efficient, RE), b - B and sqrt(diag(V_b - V_B)) (NaN where
/// that diagonal is negative), as Stata's hausman table shows them.</summary>
public sealed record HausmanRow(string Term, double Consistent, double Efficient, double Difference, double StdError);
