using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Covariance;

/// <summary>One covariance family (iid, HC0-HC3, cluster, Driscoll-Kraay, Newey-West, GLS): everything Panelwise knows
/// about it in one place: its text form, its small-sample covariance of a fit, its rescaling under the large-sample
/// conventions (--no-small), and how the moment contributions of robust tests and efficient GMM are summed under it.
/// Registered in <see cref="CovarianceFamilies"/>; adding a covariance is one file with a family and one registration.</summary>
internal interface ICovarianceFamily
{
    /// <summary>The <see cref="VcovSpec"/> type this family computes.</summary>
    Type SpecType { get; }

    /// <summary>Reads the family's text form (<paramref name="lower"/> is <paramref name="text"/> trimmed and lower-cased);
    /// false when the text is not of this family.</summary>
    bool TryParse(string text, string lower, out VcovSpec spec);

    /// <summary>The covariance under Stata's small-sample conventions, on the fit's equilibrated columns.</summary>
    VcovResult Compute(LinearFit fit, VcovSpec spec);

    /// <summary>The large-sample rule (factor on the small-sample matrix, convention in words); null to keep the
    /// small-sample result as it is (a model-based covariance that is already large-sample).</summary>
    LargeSampleRule? LargeSample(LargeSampleContext context, VcovResult small);

    /// <summary>How moment contributions are summed under this covariance on a sample with these clusters and panel codes.</summary>
    MomentStructure Moments(VcovSpec spec, IReadOnlyList<FixedEffect> clusters, PanelCodes? panel);
}

/// <summary>A factor on the small-sample covariance and the large-sample convention in words.</summary>
internal readonly record struct LargeSampleRule(double Scale, string Text);

/// <summary>What every large-sample rule reads: N, dofminus (absorbed levels incl. the constant's, 0 without fixed
/// effects), the ratio (N-K)/(N-dofminus) that turns SSR/(N-K) into SSR/(N-dofminus), and N-dofminus in words.</summary>
internal readonly record struct LargeSampleContext(int N, int DofMinus, double Ratio, string NMinus);

/// <summary>A family of spec type <typeparamref name="TSpec"/>, with the defaults most families share: no text form,
/// moments summed by observation or by the spec's cluster variables.</summary>
internal abstract class CovarianceFamily<TSpec> : ICovarianceFamily where TSpec : VcovSpec
{
    public Type SpecType => typeof(TSpec);

    public virtual bool TryParse(string text, string lower, out VcovSpec spec)
    {
        spec = VcovSpec.Iid;
        return false;
    }

    public VcovResult Compute(LinearFit fit, VcovSpec spec) => Compute(fit, (TSpec)spec);

    public LargeSampleRule? LargeSample(LargeSampleContext context, VcovResult small) => LargeSample(context, small, (TSpec)small.Spec);

    public virtual MomentStructure Moments(VcovSpec spec, IReadOnlyList<FixedEffect> clusters, PanelCodes? panel) => new()
    {
        Clusters = spec.ClusterVariables.Select(v => clusters.FirstOrDefault(c => c.Name == v) ?? throw EstimationException.VcovNeedsCluster(v)).ToList(),
    };

    protected abstract VcovResult Compute(LinearFit fit, TSpec spec);

    protected abstract LargeSampleRule? LargeSample(LargeSampleContext context, VcovResult small, TSpec spec);
}
