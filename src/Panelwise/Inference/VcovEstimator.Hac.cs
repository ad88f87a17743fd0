using Panelwise.Estimation;

namespace Panelwise.Inference;

/// <summary>Covariances that follow the panel time: Driscoll-Kraay and panel Newey-West (Bartlett kernel).</summary>
public static partial class VcovEstimator
{
    private static VcovResult DriscollKraay(LinearFit fit, DriscollKraayVcovSpec spec)
    {
        var panel = RequirePanel(fit, "Driscoll-Kraay (dk)");
        int periods = panel.PeriodCount;
        int m = ResolveLag(spec.Lag, periods, "dk");
        if (periods < 2) throw new EstimationException("Driscoll-Kraay needs at least two time periods in the sample.");
        int p = fit.K;
        var scores = Scores(fit);
        // h_t: the scores summed over the units of period t.
        var h = new double[periods, p];
        for (int i = 0; i < fit.Nobs; i++)
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
        int k = fit.K + fit.AbsorbedDof;
        return new VcovResult
        {
            Spec = spec,
            Matrix = Sandwich(fit.Bread, meat, 1.0),
            DfResidual = periods - 1,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Lag = m,
            Convention = $"Driscoll-Kraay: scores summed by period (T = {periods}), Bartlett weights 1 - l/(m+1), m = {m}" +
                (spec.Lag is null ? " = floor(4(T/100)^(2/9)) (xtscc default)" : "") +
                $"; no finite-sample factor (plm::vcovSCC); t(T-1) = t({periods - 1})",
        };
    }

    private static VcovResult NeweyWest(LinearFit fit, NeweyWestVcovSpec spec)
    {
        var panel = RequirePanel(fit, "Newey-West (nw)");
        int m = ResolveLag(spec.Lag, panel.PeriodCount, "nw");
        int n = fit.Nobs, p = fit.K;
        var scores = Scores(fit);
        var order = Enumerable.Range(0, n).OrderBy(i => panel.Units[i]).ThenBy(i => panel.Periods[i]).ToArray();
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
        int k = fit.K + fit.AbsorbedDof;
        return new VcovResult
        {
            Spec = spec,
            Matrix = Sandwich(fit.Bread, meat, (double)n / (n - k)),
            DfResidual = n - k,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Lag = m,
            Convention = $"Newey-West within units on the panel time, Bartlett weights 1 - l/(m+1), m = {m}" +
                (spec.Lag is null ? $" = floor(4(T/100)^(2/9)), T = {panel.PeriodCount}" : "") +
                $"; factor N/(N-K), K = {k} (Stata newey; lag 0 = hc1); t({n - k})",
        };
    }

    private static PanelCodes RequirePanel(LinearFit fit, string name) => fit.Panel ?? throw new EstimationException(
        $"{name} standard errors follow the panel time: declare the panel with --panel id,time (and make sure no sample row lacks its id or time).");

    private static int ResolveLag(int? lag, int periods, string name)
    {
        int m = lag ?? HacKernel.DefaultLag(periods);
        if (m < 0 || (lag is not null && m >= periods))
            throw new UserInputException($"{name}:{m}: the lag must be between 0 and T-1 = {periods - 1} (the sample has {periods} periods).");
        return m;
    }

    /// <summary>Score columns s_a[i] = x_ia w_i e_i, aligned with the fit's terms.</summary>
    private static double[][] Scores(LinearFit fit)
    {
        var scores = new double[fit.K][];
        var e = fit.Residuals;
        var w = fit.Weights;
        for (int a = 0; a < fit.K; a++)
        {
            var x = fit.Columns[a];
            var s = new double[fit.Nobs];
            for (int i = 0; i < s.Length; i++) s[i] = x[i] * e[i] * (w is null ? 1 : w[i]);
            scores[a] = s;
        }
        return scores;
    }

    private static void AddOuter(double[,] meat, double[][] scores, int i, int j, double weight, bool symmetric)
    {
        int p = scores.Length;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
            {
                double cross = weight * scores[a][i] * scores[b][j];
                meat[a, b] += cross;
                if (symmetric) meat[b, a] += cross;
            }
    }
}
