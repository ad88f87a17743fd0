using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Covariance;

/// <summary>Newey and West (1987) on the panel time, see <see cref="NeweyWestVcovSpec"/>: V = N/(N-K)·B S B with S
/// correlated within units up to lag m, t(N-K) (Stata newey; lag 0 = hc1). Large-sample: N/(N-dofminus).
/// Text forms: nw[:LAG], newey-west, hac.</summary>
internal sealed class NeweyWestCovariance : CovarianceFamily<NeweyWestVcovSpec>
{
    private const string Name = "Newey-West (nw)";

    public override bool TryParse(string text, string lower, out VcovSpec spec) =>
        PanelTimeKernel.TryParse(lower, ["nw", "newey-west", "hac"], VcovSpec.NeweyWest, out spec);

    protected override VcovResult Compute(LinearFit fit, NeweyWestVcovSpec spec)
    {
        var panel = PanelTimeKernel.RequirePanel(fit.Panel, Name);
        int m = PanelTimeKernel.ResolveLag(spec.Lag, panel.PeriodCount, "nw");
        int n = fit.Nobs;
        var meat = HacMoments.NeweyWest(SandwichSums.Scores(fit), panel, m);
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        return new VcovResult
        {
            Spec = spec,
            Matrix = SandwichSums.Sandwich(fit.Bread, meat, (double)n / (n - k)),
            DfResidual = n - k,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Lag = m,
            Convention = $"Newey-West within units on the panel time, Bartlett weights 1 - l/(m+1), m = {m}" +
                (spec.Lag is null ? $" = floor(4(T/100)^(2/9)), T = {panel.PeriodCount}" : "") +
                $"; factor N/(N-K), K = {k} (Stata newey; lag 0 = hc1); t({n - k})",
        };
    }

    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, NeweyWestVcovSpec spec) =>
        new(c.Ratio, (c.DofMinus == 0 ? "Newey-West: no small-sample factor" : $"Newey-West: factor N/({c.NMinus})") + $", Bartlett lag m = {small.Lag}");

    public override MomentStructure Moments(VcovSpec spec, IReadOnlyList<FixedEffect> clusters, PanelCodes? panel)
    {
        var codes = PanelTimeKernel.RequirePanel(panel, Name);
        return new MomentStructure { Panel = codes, Lag = PanelTimeKernel.ResolveLag(((NeweyWestVcovSpec)spec).Lag, codes.PeriodCount, "nw") };
    }
}
