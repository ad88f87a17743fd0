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
        if (periods < 2) throw EstimationException.DriscollKraayNeedsPeriods(periods);
        var meat = HacMoments.DriscollKraay(Scores(fit), panel, m);
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
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
        int n = fit.Nobs;
        var meat = HacMoments.NeweyWest(Scores(fit), panel, m);
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
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

    internal static PanelCodes RequirePanel(LinearFit fit, string name) => RequirePanel(fit.Panel, name);

    internal static PanelCodes RequirePanel(PanelCodes? panel, string name) => panel ?? throw new EstimationException(
        $"{name} standard errors follow the panel time: declare the panel with {{Panel}} id,time (and make sure no sample row lacks its id or time).");

    internal static int ResolveLag(int? lag, int periods, string name)
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
}
