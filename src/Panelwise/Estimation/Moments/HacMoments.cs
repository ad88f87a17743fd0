namespace Panelwise.Estimation.Moments;

/// <summary>Kernel (HAC) sums of moment contributions on the panel time, with Bartlett weights 1 - l/(m+1), shared by
/// the coefficient covariances and the IV tests (ivreg2 builds S for the rk, J and Anderson-Rubin statistics the same
/// way as for the coefficients). Unscaled: callers apply their convention's factor.
/// Newey-West (1987) within units: S = Σ_i s_i s_i' + Σ_{l=1..m} w_l Σ (s_it s_i,t-l' + s_i,t-l s_it'), pairs only within
/// a unit and l periods apart (ivreg2 bw(m+1) on a tsset/xtset panel; ivregress vce(hac bartlett m)).
/// Driscoll-Kraay (1998): h_t = Σ_i s_it, S = Σ_t h_t h_t' + Σ_{l=1..m} w_l Σ_t (h_t h_t-l' + h_t-l h_t')
/// (ivreg2 dkraay(m+1); xtscc, plm::vcovSCC lag m). Lags count periods ranked among the times of the sample.</summary>
internal static class HacMoments
{
    /// <summary>S for score columns <paramref name="scores"/> (each of length n), correlated within units up to lag m.</summary>
    public static double[,] NeweyWest(IReadOnlyList<double[]> scores, PanelCodes panel, int m, int[]? order = null)
    {
        int n = panel.Units.Length, p = scores.Count;
        order ??= UnitTimeOrder(panel);
        var meat = new double[p, p];
        for (int q = 0; q < n; q++)
        {
            int i = order[q];
            AddOuter(meat, scores, i, i, 1.0, symmetric: false);
            // Earlier observations of the same unit within m periods; sorted, so scan back until the unit or the lag ends.
            for (int r = q - 1; r >= 0; r--)
            {
                int j = order[r];
                if (panel.Units[j] != panel.Units[i]) break;
                int l = panel.Periods[i] - panel.Periods[j];
                if (l > m) break;
                AddOuter(meat, scores, i, j, HacKernel.Bartlett(l, m), symmetric: true);
            }
        }
        return meat;
    }

    /// <summary>Observations sorted by unit, then period (reusable across calls on the same sample).</summary>
    public static int[] UnitTimeOrder(PanelCodes panel) =>
        Enumerable.Range(0, panel.Units.Length).OrderBy(i => panel.Units[i]).ThenBy(i => panel.Periods[i]).ToArray();

    /// <summary>S for score columns summed by period, then correlated across periods up to lag m.</summary>
    public static double[,] DriscollKraay(IReadOnlyList<double[]> scores, PanelCodes panel, int m)
    {
        int periods = panel.PeriodCount, p = scores.Count;
        var h = new double[periods, p];
        for (int i = 0; i < panel.Periods.Length; i++)
        {
            int t = panel.Periods[i];
            for (int a = 0; a < p; a++) h[t, a] += scores[a][i];
        }
        var meat = new double[p, p];
        for (int l = 0; l <= m; l++)
        {
            double weight = l == 0 ? 1 : HacKernel.Bartlett(l, m);
            for (int t = l; t < periods; t++)
                for (int a = 0; a < p; a++)
                    for (int b = 0; b < p; b++)
                    {
                        double cross = h[t, a] * h[t - l, b];
                        meat[a, b] += weight * cross;
                        if (l > 0) meat[b, a] += weight * cross;
                    }
        }
        return meat;
    }

    private static void AddOuter(double[,] meat, IReadOnlyList<double[]> scores, int i, int j, double weight, bool symmetric)
    {
        int p = scores.Count;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
            {
                double cross = weight * scores[a][i] * scores[b][j];
                meat[a, b] += cross;
                if (symmetric) meat[b, a] += cross;
            }
    }
}
