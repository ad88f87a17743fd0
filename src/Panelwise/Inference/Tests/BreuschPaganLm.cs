using Panelwise.Inference;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;

namespace Panelwise.Inference.Tests;

/// <summary>Breusch-Pagan (1980) Lagrange multiplier test of H0: σ_u² = 0, from the pooled OLS residuals e, in the
/// form for unbalanced panels of Baltagi and Li (1990):
/// LM = N² / (2 Σ_i T_i(T_i - 1)) · (Σ_i (Σ_t e_it)² / Σ_it e_it² - 1)² ~ χ²(1),
/// which is nT/(2(T-1)) · (...)² when balanced. Two-sided, as plm::plmtest(type = "bp"); Stata's xttest0 reports a
/// one-sided (chibar2) variant instead.</summary>
internal static class BreuschPaganLm
{
    public static TestStatistic Compute(PanelSample s)
    {
        var pooled = LinearEstimator.Fit(s.Problem(s.Data.Response, s.Data.Regressors, intercept: true));
        var e = pooled.Residuals;
        var sums = new double[s.UnitCount];
        double ee = 0;
        for (int i = 0; i < e.Length; i++)
        {
            sums[s.Unit[i]] += e[i];
            ee += e[i] * e[i];
        }
        double between = sums.Sum(v => v * v);
        double pairs = s.Count.Sum(t => (double)t * (t - 1));
        double n = e.Length;
        double lm = n * n / (2 * pairs) * Math.Pow(between / ee - 1, 2);
        return new TestStatistic("chi2", lm, 1, TailProbability.ChiSquaredUpper(lm, 1),
            Note: new Note(NoteKind.Inference, "bp_lm_form", "Breusch-Pagan LM on pooled OLS residuals (Baltagi-Li form; plm::plmtest type = \"bp\")"));
    }
}
