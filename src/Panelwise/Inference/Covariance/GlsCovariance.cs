using Panelwise.Estimation;

namespace Panelwise.Inference.Covariance;

/// <summary>The model-based covariance of a GLS fit on transformed data, see <see cref="GlsVcovSpec"/>: V = (X*'X*)⁻¹
/// with no scale and z inference (xtgls); already large-sample, so --no-small leaves it as it is. No text form.</summary>
internal sealed class GlsCovariance : CovarianceFamily<GlsVcovSpec>
{
    protected override VcovResult Compute(LinearFit fit, GlsVcovSpec spec) => new()
    {
        Spec = spec, Matrix = SandwichSums.Scale(fit.Bread, 1.0), DfResidual = double.PositiveInfinity, KUsed = fit.K,
        Clusters = new Dictionary<string, int>(), Convention = spec.Description,
    };

    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, GlsVcovSpec spec) => null;
}
