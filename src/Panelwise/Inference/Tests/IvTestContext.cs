using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Tests;

/// <summary>The sample and covariance choice the IV tests share, with ivreg2's small-sample factors for an auxiliary
/// regression with k regressors (first stages, Anderson-Rubin): robust c = N/(N-k-dofminus) with F(q, N-k-dofminus);
/// cluster c = G/(G-1)·(N-1)/(N-k-K_FE) with F(q, G-1), where K_FE counts the absorbed levels not nested in a cluster
/// variable (xtivreg2/ivreghdfe: nested effects cost nothing); iid F(q, N-k-dofminus).</summary>
internal sealed class IvTestContext
{
    public IvTestContext(IvSample sample, VcovSpec spec)
    {
        Sample = sample;
        Spec = spec;
        Moments = Covariance.CovarianceFamilies.For(spec).Moments(spec, sample.Clusters, sample.Panel);
        // Driscoll-Kraay is clustering by period plus a kernel across periods (ivreg2 dkraay = cluster(tvar) bw()):
        // its tests scale as clustered ones with G = T.
        Clusters = Moments.DriscollKraay
            ? [new FixedEffect("period", Moments.Panel!.Periods, Moments.Panel.PeriodCount)]
            : Moments.Clusters;
        if (Clusters.FirstOrDefault(c => c.Levels < 2) is { } single) throw DegenerateModel.TooFewClusters(single.Name, single.Levels);
        if (Clusters.Count > 0 && sample.FixedEffects.Count > 0)
        {
            var outside = sample.FixedEffects.Where(fe => !Clusters.Any(c => fe.IsNestedIn(c.Codes))).ToList();
            FixedEffectsOutsideClusters = outside.Count == 0 ? 0
                : outside.Count == sample.FixedEffects.Count ? sample.DofMinus : DegreesOfFreedom.Absorbed(outside);
        }
    }

    public IvSample Sample { get; }
    public VcovSpec Spec { get; }

    /// <summary>How moment contributions are summed into S (clusters, kernel over time).</summary>
    public MomentStructure Moments { get; }

    /// <summary>Cluster variables of the covariance (empty unless clustered); the period under Driscoll-Kraay.</summary>
    public IReadOnlyList<FixedEffect> Clusters { get; }

    public int FixedEffectsOutsideClusters { get; }

    public bool IsIid => Spec is IidVcovSpec;
    public bool IsClustered => Clusters.Count > 0;
    public int N => Sample.N;
    public int MinClusters => Clusters.Min(c => c.Levels);

    /// <summary>Small-sample factor c and denominator degrees of freedom for a regression with k regressors.</summary>
    public (double Factor, double Df) Scale(int k)
    {
        int n = N;
        if (IsClustered)
        {
            int g = MinClusters;
            return ((double)g / (g - 1) * (n - 1.0) / (n - k - FixedEffectsOutsideClusters), g - 1);
        }
        double df = n - k - Sample.DofMinus;
        bool hc0 = Spec is HeteroskedasticVcovSpec { Type: 0 };
        return (hc0 || IsIid ? 1.0 : n / df, df);
    }

    /// <summary>Robust Wald statistic coef' V^-1 coef of regressing e-producing y on z, with V = c (z'z)^-1 S (z'z)^-1,
    /// S = Σ scores (by cluster), scores = resid_i z_i.</summary>
    public double RobustWald(Matrix<double> z, Matrix<double> residuals, Matrix<double> coefficients, double factor)
    {
        var zzInv = Dense.SymmetricInverse(Dense.Cross(z, z));
        var s = Gmm.MomentsOf(Sample, z, residuals, Moments);
        var v = factor * (zzInv * s * zzInv);
        v = (v + v.Transpose()) * 0.5;
        return (coefficients.TransposeThisAndMultiply(v.Solve(coefficients)))[0, 0];
    }
}
