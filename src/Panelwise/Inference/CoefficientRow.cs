namespace Panelwise.Inference;

/// <summary>One coefficient with its standard error, test statistic (t or z), two-sided p-value and 95% interval.</summary>
public sealed record CoefficientRow(string Term, double Estimate, double StdError, double Statistic, double PValue,
    double ConfLow, double ConfHigh);
