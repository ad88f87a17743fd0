using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>Over-identifying restrictions tests with L2 - K1 degrees of freedom (absent when exactly identified):
/// Sargan (1958) = N e'P_Z e / e'e at the estimator's residuals (iid errors; ivreg2); Hansen (1982) J = e'Z S^-1 Z'e at the
/// two-step efficient GMM estimate whose S = Σ (ê_i z_i)(ê_i z_i)' (by cluster) comes from the 2SLS residuals ê,
/// as ivreg2 reports J under robust or cluster covariances whatever the estimator.</summary>
internal static class Overidentification
{
    public static TestStatistic? Sargan(IvSample s, Matrix<double> e)
    {
        int df = s.L2 - s.K1;
        if (df <= 0) return null;
        var pe = Dense.Project(s.Z, e);
        double stat = s.N * pe.Column(0).DotProduct(pe.Column(0)) / e.Column(0).DotProduct(e.Column(0));
        return new TestStatistic("chi2", stat, df, TailProbability.ChiSquaredUpper(stat, df));
    }

    public static TestStatistic? HansenJ(IvTestContext ctx, double j)
    {
        int df = ctx.Sample.L2 - ctx.Sample.K1;
        return df <= 0 ? null : new TestStatistic("chi2", j, df, TailProbability.ChiSquaredUpper(j, df));
    }

    /// <summary>J of two-step GMM with S from the 2SLS residuals (coordinates; one pass over the rows for S's scores).</summary>
    public static double TwoStepJ(IvTestContext ctx, Matrix<double> firstStepResiduals)
    {
        var s = ctx.Sample;
        return Gmm.Solve(s.X, s.Z, s.YColumn, Gmm.MomentsOf(s, s.Z, firstStepResiduals, ctx.Moments)).J;
    }
}
