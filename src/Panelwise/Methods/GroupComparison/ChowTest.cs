using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Methods.GroupComparison;

/// <summary>The classical Chow (1960) test that all k coefficients are equal in two groups:
/// F = ((SSR_p - SSR_A - SSR_B)/k) / ((SSR_A + SSR_B)/(N - 2k)), with SSR_p from the pooled fit on both groups'
/// samples, k = the pooled model's coefficients (intercept included). With absorbed fixed effects the denominator
/// df is the sum of the groups' residual df (N - K - absorbed levels), which is N - 2k without them.</summary>
internal static class ChowTest
{
    public static EqualityTest Run(GroupFit a, GroupFit b, RegressionResult pooled)
    {
        double ssrA = a.Result.Fit.Ssr, ssrB = b.Result.Fit.Ssr;
        double k = pooled.Fit.K;
        double df2 = a.Result.DfResidual + b.Result.DfResidual;
        double f = (pooled.Fit.Ssr - ssrA - ssrB) / k / ((ssrA + ssrB) / df2);
        return new EqualityTest("chow", null, (a.Group, b.Group), f, k, df2, TailProbability.FisherUpper(f, k, df2));
    }
}
