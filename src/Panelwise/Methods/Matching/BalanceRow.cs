namespace Panelwise.Methods.Matching;

/// <summary>One covariate of the balance table, as pstest prints it: means of treated and controls before (all
/// units) and after matching (matched treated; controls weighted by their matching weights), the standardised
/// bias 100(x̄_T - x̄_C)/√((s²_T + s²_C)/2) with the variances of the unmatched samples in both rows (Rosenbaum and
/// Rubin 1985), the reduction in |bias|, and t tests of equal means (pooled-variance; after matching with the weights).</summary>
public sealed record BalanceRow(string Covariate, double MeanTreatedBefore, double MeanControlBefore, double BiasBefore, double TBefore, double PBefore,
    double MeanTreatedAfter, double MeanControlAfter, double BiasAfter, double TAfter, double PAfter)
{
    /// <summary>100 (1 - |bias after| / |bias before|).</summary>
    public double Reduction => 100 * (1 - Math.Abs(BiasAfter) / Math.Abs(BiasBefore));

    /// <summary>Difference of means before matching, x̄_T - x̄_C (psmatch2's "Unmatched" difference).</summary>
    public double DifferenceBefore => MeanTreatedBefore - MeanControlBefore;

    /// <summary>Standard error of <see cref="DifferenceBefore"/> implied by the pooled-variance t test: difference / t.</summary>
    public double StdErrorBefore => DifferenceBefore / TBefore;
}
