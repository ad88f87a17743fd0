namespace Panelwise.Inference.Bootstrap;

/// <summary>Bootstrap inference for one coefficient: the WCR p-value of H0: β = 0 and the 95% interval by test
/// inversion (the null values whose bootstrap p-value is at least 0.05). A bound is NaN when the p-value never
/// falls below 0.05 on that side (the interval is unbounded).</summary>
public sealed record WildBootstrapCoefficient(string Term, double PValue, double ConfLow, double ConfHigh);
