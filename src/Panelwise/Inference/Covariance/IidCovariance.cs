using Panelwise.Estimation;

namespace Panelwise.Inference.Covariance;

/// <summary>Homoskedastic errors: V = s²(X'WX)⁻¹ with s² = SSR/(N-K), K = coefficients + absorbed fixed-effect levels,
/// t(N-K) (Stata regress/areg/reghdfe). Large-sample: s² = SSR/(N-dofminus) (ivreg2 without small).
/// Text forms: iid, standard, ols.</summary>
internal sealed class IidCovariance : CovarianceFamily<IidVcovSpec>
{
    public override bool TryParse(string text, string lower, out VcovSpec spec)
    {
        spec = VcovSpec.Iid;
        return lower is "iid" or "standard" or "ols";
    }

    protected override VcovResult Compute(LinearFit fit, IidVcovSpec spec)
    {
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        double df = fit.Nobs - k;
        double s2 = fit.Ssr / df;
        return new VcovResult
        {
            Spec = spec,
            Matrix = SandwichSums.Scale(fit.Bread, s2),
            DfResidual = df,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Convention = $"iid: s2 = SSR/(N-K), K = {k} (coefficients incl. _cons + absorbed FE levels); t({df})",
        };
    }

    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, IidVcovSpec spec) =>
        new(c.Ratio, $"iid: s2 = SSR/({c.NMinus})");
}
