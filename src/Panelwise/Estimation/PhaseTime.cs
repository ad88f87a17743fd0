namespace Panelwise.Estimation;

/// <summary>Wall time of one phase of a fit (design, singletons, absorb, solve, vcov), for --timing and benchmarks.</summary>
public sealed record PhaseTime(string Phase, double Seconds);
