using Panelwise.Inference;

namespace Panelwise.Methods.Matching;

/// <summary>A fitted binary-choice propensity model: coefficients (intercept first, "_cons"), ML standard errors from
/// the inverse information matrix, the score P(D = 1 | x) of every sample row, and the log likelihoods.</summary>
public sealed record PropensityFit(IReadOnlyList<string> Names, double[] Coefficients, double[] StdErrors, double[] Scores,
    double LogLikelihood, double NullLogLikelihood, int Iterations)
{
    /// <summary>McFadden's pseudo R² = 1 - lnL/lnL0.</summary>
    public double PseudoR2 => 1 - LogLikelihood / NullLogLikelihood;

    /// <summary>Wald z of coefficient <paramref name="j"/>: b_j / se_j (Stata's logit/probit table).</summary>
    public double ZStatistic(int j) => Coefficients[j] / StdErrors[j];

    /// <summary>Two-sided normal p-value of <see cref="ZStatistic"/>: 2 (1 - Φ(|z|)).</summary>
    public double PValue(int j) => TailProbability.NormalTwoSided(ZStatistic(j));
}
