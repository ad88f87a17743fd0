using Panelwise.Estimation;

namespace Panelwise.Inference;

/// <summary>Stata's large-sample conventions (ivreg2 and ivregress without <c>small</c>; --no-small): the small-sample
/// covariance rescaled so that iid s² = SSR/(N-dofminus); HC1 and Newey-West carry N/(N-dofminus) instead of N/(N-K);
/// cluster-robust (one- or multi-way) and Driscoll-Kraay carry no factor; HC0, HC2, HC3 are unchanged. dofminus counts
/// every absorbed fixed-effect level (xtivreg2 fe passes dofminus(N_g)); 0 without fixed effects. Inference is z and
/// chi2 (normal reference distribution: df = ∞).</summary>
public static partial class VcovEstimator
{
    private static VcovResult LargeSample(LinearFit fit, VcovResult small)
    {
        if (small.Spec is GlsVcovSpec) return small;
        int n = fit.Nobs;
        int dofMinus = fit.FixedEffects.Count == 0 ? 0 : fit.AbsorbedDof + 1;
        double ratio = (double)(n - small.KUsed) / (n - dofMinus);
        string n1 = dofMinus == 0 ? "N" : $"N-dofminus, dofminus = {dofMinus} absorbed levels";
        (double Scale, string Text) rule = small.Spec switch
        {
            IidVcovSpec => (ratio, $"iid: s2 = SSR/({n1})"),
            HeteroskedasticVcovSpec { Type: 1 } => (ratio, dofMinus == 0 ? "robust (HC0): no small-sample factor" : $"robust: HC0 * N/({n1})"),
            HeteroskedasticVcovSpec h => (1.0, $"HC{h.Type}"),
            ClusterVcovSpec c => (1.0 / ClusterFactor(n, small), $"cluster-robust by {string.Join("+", c.Variables)}: no small-sample factor"),
            NeweyWestVcovSpec => (ratio, (dofMinus == 0 ? "Newey-West: no small-sample factor" : $"Newey-West: factor N/({n1})") + $", Bartlett lag m = {small.Lag}"),
            DriscollKraayVcovSpec => (1.0, $"Driscoll-Kraay: no small-sample factor, Bartlett lag m = {small.Lag}"),
            _ => (1.0, small.Convention),
        };
        return small with
        {
            Matrix = Scale(small.Matrix, rule.Scale),
            DfResidual = double.PositiveInfinity,
            Convention = $"large-sample (ivreg2/ivregress without small): {rule.Text}; z and chi2 statistics",
        };
    }

    /// <summary>G/(G-1)·(N-1)/(N-K) with G the smallest cluster count, as the small-sample cluster covariance applied it.</summary>
    private static double ClusterFactor(int n, VcovResult small)
    {
        int g = small.Clusters.Values.Min();
        return (double)g / (g - 1) * (n - 1.0) / (n - small.KUsed);
    }
}
