using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Covariance;

/// <summary>Driscoll and Kraay (1998), see <see cref="DriscollKraayVcovSpec"/>: scores summed by period, Bartlett
/// weights, V = B S B with no finite-sample factor and t(T-1) (xtscc, plm::vcovSCC). Large-sample: no factor.
/// Text forms: dk[:LAG], scc, driscoll-kraay.</summary>
internal sealed class DriscollKraayCovariance : CovarianceFamily<DriscollKraayVcovSpec>
{
    private const string Name = "Driscoll-Kraay (dk)";

    public override bool TryParse(string text, string lower, out VcovSpec spec) =>
        PanelTimeKernel.TryParse(lower, ["dk", "scc", "driscoll-kraay"], VcovSpec.DriscollKraay, out spec);

    protected override VcovResult Compute(LinearFit fit, DriscollKraayVcovSpec spec)
    {
        var panel = PanelTimeKernel.RequirePanel(fit.Panel, Name);
        int periods = panel.PeriodCount;
        int m = PanelTimeKernel.ResolveLag(spec.Lag, periods, "dk");
        if (periods < 2) throw EstimationException.DriscollKraayNeedsPeriods(periods);
        var meat = HacMoments.DriscollKraay(SandwichSums.Scores(fit), panel, m);
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        return new VcovResult
        {
            Spec = spec,
            Matrix = SandwichSums.Sandwich(fit.Bread, meat, 1.0),
            DfResidual = periods - 1,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Lag = m,
            Convention = $"Driscoll-Kraay: scores summed by period (T = {periods}), Bartlett weights 1 - l/(m+1), m = {m}" +
                (spec.Lag is null ? " = floor(4(T/100)^(2/9)) (xtscc default)" : "") +
                $"; no finite-sample factor (plm::vcovSCC); t(T-1) = t({periods - 1})",
        };
    }

    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, DriscollKraayVcovSpec spec) =>
        new(1.0, $"Driscoll-Kraay: no small-sample factor, Bartlett lag m = {small.Lag}");

    public override MomentStructure Moments(VcovSpec spec, IReadOnlyList<FixedEffect> clusters, PanelCodes? panel)
    {
        var codes = PanelTimeKernel.RequirePanel(panel, Name);
        if (codes.PeriodCount < 2) throw EstimationException.DriscollKraayNeedsPeriods(codes.PeriodCount);
        return new MomentStructure
        {
            Panel = codes, DriscollKraay = true, Lag = PanelTimeKernel.ResolveLag(((DriscollKraayVcovSpec)spec).Lag, codes.PeriodCount, "dk"),
        };
    }
}
