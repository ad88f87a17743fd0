namespace Panelwise.Methods.Matching;

/// <summary>A fitted binary-choice propensity model: coefficients (intercept first, "_cons"), ML standard errors from
/// the inverse information matrix, the score P(D = 1 | x) of every sample row, and the log likelihoods.</summary>
public sealed record PropensityFit(IReadOnlyList<string> Names, double[] Coefficients, double[] StdErrors, double[] Scores,
    double LogLikelihood, double NullLogLikelihood, int Iterations)
{
    /// <summary>McFadden's pseudo R² = 1 - lnL/lnL0.</summary>
    public double PseudoR2 => 1 - LogLikelihood / NullLogLikelihood;
}
