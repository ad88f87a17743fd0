namespace Panelwise.Results;

/// <summary>A Wald F test: statistic, numerator and denominator degrees of freedom, p-value.</summary>
public sealed record WaldTest(double Statistic, double Df1, double Df2, double PValue);
