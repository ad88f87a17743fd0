using Panelwise.Estimation;
using Panelwise.Inference.Covariance;

namespace Panelwise.Inference;

/// <summary>Turns a <see cref="LinearFit"/> into a covariance under Stata's conventions:
/// iid s²(X'WX)⁻¹ with s² = SSR/(N-K); HC0-HC3 (HC1 = HC0·N/(N-K)); CR1 = G/(G-1)·(N-1)/(N-K) with t(G-1);
/// multi-way clustering by Cameron, Gelbach and Miller (2011) inclusion-exclusion with one factor
/// Gmin/(Gmin-1)·(N-1)/(N-K) and t(Gmin-1) (ivreg2/reghdfe). K counts the coefficients plus the absorbed
/// fixed-effect levels; under clustering, effects nested in a cluster variable are not counted (xtreg fe, reghdfe).
/// Each covariance family lives in its own file under Inference/Covariance (see CovarianceFamilies).</summary>
public static class VcovEstimator
{
    /// <summary>Computed on the fit's equilibrated columns; the result carries the fit's scales. Without
    /// <see cref="VcovSpec.Small"/> the family's large-sample rule is applied to its small-sample covariance.</summary>
    public static VcovResult Compute(LinearFit fit, VcovSpec spec)
    {
        var family = CovarianceFamilies.For(spec);
        var small = family.Compute(fit, spec);
        var vcov = spec.Small ? small : LargeSampleAdjustment.Apply(fit, small, family);
        return fit.Scales is null ? vcov : vcov with { Scales = fit.Scales };
    }
}
