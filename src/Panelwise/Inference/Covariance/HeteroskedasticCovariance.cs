using Panelwise.Estimation;

namespace Panelwise.Inference.Covariance;

/// <summary>White/Eicker-Huber heteroskedasticity-consistent covariance of MacKinnon-White type HC0-HC3:
/// V = c B (Σ_i u_i x_i x_i') B with u_i = (w_i e_i)² (HC0, HC1), /(1-h_ii) (HC2), /(1-h_ii)² (HC3); c = N/(N-K) for
/// HC1 (Stata vce(robust)), 1 otherwise; t(N-K). Large-sample: HC1 carries N/(N-dofminus), HC0/HC2/HC3 are unchanged.
/// Text forms: hc0..hc3, robust and hetero (= hc1).</summary>
internal sealed class HeteroskedasticCovariance : CovarianceFamily<HeteroskedasticVcovSpec>
{
    public override bool TryParse(string text, string lower, out VcovSpec spec)
    {
        spec = lower switch
        {
            "robust" or "hc1" or "hetero" => VcovSpec.Heteroskedastic(1),
            "hc0" => VcovSpec.Heteroskedastic(0),
            "hc2" => VcovSpec.Heteroskedastic(2),
            "hc3" => VcovSpec.Heteroskedastic(3),
            _ => VcovSpec.Iid,
        };
        return spec is HeteroskedasticVcovSpec;
    }

    protected override VcovResult Compute(LinearFit fit, HeteroskedasticVcovSpec spec)
    {
        if (spec.Type is 2 or 3 && fit.FixedEffects.Count > 0)
            throw EstimationException.LeverageWithFixedEffects($"HC{spec.Type}");
        if (spec.Type is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(spec), "HC type must be 0-3.");
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        int n = fit.Nobs;
        double[]? leverage = spec.Type >= 2 ? SandwichSums.Leverage(fit) : null;
        var meat = SandwichSums.ObservationMeat(fit, leverage, spec.Type);
        double factor = spec.Type == 1 ? (double)n / (n - k) : 1.0;
        return new VcovResult
        {
            Spec = spec,
            Matrix = SandwichSums.Sandwich(fit.Bread, meat, factor),
            DfResidual = n - k,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Convention = spec.Type switch
            {
                0 => $"HC0: no small-sample factor; t({n - k})",
                1 => $"HC1: HC0 * N/(N-K), K = {k}; t({n - k}) (Stata vce(robust))",
                2 => $"HC2: e_i^2/(1-h_ii); t({n - k})",
                _ => $"HC3: e_i^2/(1-h_ii)^2; t({n - k})",
            },
        };
    }

    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, HeteroskedasticVcovSpec spec) => spec.Type == 1
        ? new(c.Ratio, c.DofMinus == 0 ? "robust (HC0): no small-sample factor" : $"robust: HC0 * N/({c.NMinus})")
        : new(1.0, $"HC{spec.Type}");
}
