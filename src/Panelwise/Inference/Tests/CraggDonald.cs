using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>Homoskedastic identification statistics from the squared canonical correlations r² between X̃1 and Z̃1
/// (the eigenvalues of (X̃1'X̃1)^-1 X̃1'P X̃1, P the projection on Z̃1): Anderson (1951) LM = (N - dofminus)·r²min ~
/// chi2(L2 - K1 + 1) as ivreg2 reports it, and the Cragg-Donald (1993) Wald F = r²min/(1 - r²min)·(N - L - dofminus)/L2
/// (Stock and Yogo 2005, eq. 3.7 with ivreg2's degrees of freedom). With K1 = 1 the F equals the iid first-stage F.</summary>
internal static class CraggDonald
{
    public static double SmallestCanonicalCorrelation(IvSample s)
    {
        var x = s.X1Tilde;
        var px = Dense.Project(s.Z1Tilde, x);
        return Dense.GeneralisedEigenvalues(Dense.Cross(x, x), Dense.Cross(px, px))[0];
    }

    public static double WaldF(IvSample s, double r2min) => r2min / (1 - r2min) * (s.N - s.L - s.DofMinus) / s.L2;

    public static TestStatistic AndersonLm(IvSample s, double r2min)
    {
        double stat = (s.N - s.DofMinus) * r2min;
        int df = s.L2 - s.K1 + 1;
        return new TestStatistic("chi2", stat, df, TailProbability.ChiSquaredUpper(stat, df));
    }
}
