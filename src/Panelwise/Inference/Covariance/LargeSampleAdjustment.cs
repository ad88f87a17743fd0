using Panelwise.Estimation;

namespace Panelwise.Inference.Covariance;

/// <summary>Stata's large-sample conventions (ivreg2 and ivregress without <c>small</c>; --no-small): the small-sample
/// covariance rescaled so that iid s² = SSR/(N-dofminus); HC1 and Newey-West carry N/(N-dofminus) instead of N/(N-K);
/// cluster-robust (one- or multi-way) and Driscoll-Kraay carry no factor; HC0, HC2, HC3 are unchanged. dofminus counts
/// every absorbed fixed-effect level (xtivreg2 fe passes dofminus(N_g)); 0 without fixed effects. Inference is z and
/// chi2 (normal reference distribution: df = ∞). Each family states its own factor
/// (<see cref="ICovarianceFamily.LargeSample"/>); this is the step they share.</summary>
internal static class LargeSampleAdjustment
{
    public static VcovResult Apply(LinearFit fit, VcovResult small, ICovarianceFamily family)
    {
        int n = fit.Nobs;
        int dofMinus = fit.FixedEffects.Count == 0 ? 0 : fit.AbsorbedDof + 1;
        double ratio = (double)(n - small.KUsed) / (n - dofMinus);
        string n1 = dofMinus == 0 ? "N" : $"N-dofminus, dofminus = {dofMinus} absorbed levels";
        if (family.LargeSample(new LargeSampleContext(n, dofMinus, ratio, n1), small) is not { } rule) return small;
        return small with
        {
            Matrix = SandwichSums.Scale(small.Matrix, rule.Scale),
            DfResidual = double.PositiveInfinity,
            Convention = $"large-sample (ivreg2/ivregress without small): {rule.Text}; z and chi2 statistics",
        };
    }
}
