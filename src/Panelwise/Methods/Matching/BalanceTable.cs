using Panelwise.Inference;

namespace Panelwise.Methods.Matching;

/// <summary>Computes the <see cref="BalanceRow"/>s (pstest). The t statistic compares means with a pooled variance,
/// s² = Σ w (x - x̄_group)² / (Σw - 2), t = (x̄_T - x̄_C) / √(s² (1/Σw_T + 1/Σw_C)), df = Σw - 2: the t of a weighted
/// regression of x on D with frequency-type weights (all weights 1 before matching).</summary>
internal static class BalanceTable
{
    public static BalanceRow Row(string name, double[] x, bool[] treated, double[] weightAfter)
    {
        var before = treated.Select(_ => 1.0).ToArray();
        var (mtB, mcB, vt, vc, tB, pB) = Compare(x, treated, before);
        var (mtA, mcA, _, _, tA, pA) = Compare(x, treated, weightAfter);
        double scale = Math.Sqrt((vt + vc) / 2);
        return new BalanceRow(name, mtB, mcB, 100 * (mtB - mcB) / scale, tB, pB, mtA, mcA, 100 * (mtA - mcA) / scale, tA, pA);
    }

    private static (double MeanT, double MeanC, double VarT, double VarC, double T, double P) Compare(double[] x, bool[] treated, double[] w)
    {
        double swT = 0, swC = 0, sT = 0, sC = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (w[i] <= 0) continue;
            if (treated[i]) { swT += w[i]; sT += w[i] * x[i]; } else { swC += w[i]; sC += w[i] * x[i]; }
        }
        double mT = sT / swT, mC = sC / swC, ssT = 0, ssC = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (w[i] <= 0) continue;
            if (treated[i]) ssT += w[i] * (x[i] - mT) * (x[i] - mT); else ssC += w[i] * (x[i] - mC) * (x[i] - mC);
        }
        double df = swT + swC - 2;
        double s2 = (ssT + ssC) / df;
        double t = (mT - mC) / Math.Sqrt(s2 * (1 / swT + 1 / swC));
        return (mT, mC, ssT / (swT - 1), ssC / (swC - 1), t, TailProbability.StudentTwoSided(t, df));
    }
}
