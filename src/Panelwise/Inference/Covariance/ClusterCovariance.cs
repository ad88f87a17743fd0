using Panelwise.Estimation;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Covariance;

/// <summary>Cluster-robust covariance CR1 = G/(G-1)·(N-1)/(N-K)·B (Σ_g s_g s_g') B with s_g = Σ_{i in g} w_i e_i x_i and
/// t(G-1); with several variables, Cameron, Gelbach and Miller (2011) inclusion-exclusion over the cluster intersections
/// with one factor Gmin/(Gmin-1)·(N-1)/(N-K) and t(Gmin-1) (ivreg2/reghdfe). K counts the absorbed levels not nested in a
/// cluster variable (xtreg fe, reghdfe). Large-sample: no factor. Text forms: cluster:VAR, cl:VAR, cluster:VAR1+VAR2.</summary>
internal sealed class ClusterCovariance : CovarianceFamily<ClusterVcovSpec>
{
    public override bool TryParse(string text, string lower, out VcovSpec spec)
    {
        spec = VcovSpec.Iid;
        if (!lower.StartsWith("cluster:", StringComparison.Ordinal) && !lower.StartsWith("cl:", StringComparison.Ordinal)) return false;
        string t = text.Trim();
        var vars = t[(t.IndexOf(':') + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (vars.Length == 0) return false;
        spec = VcovSpec.Cluster(vars);
        return true;
    }

    protected override VcovResult Compute(LinearFit fit, ClusterVcovSpec spec)
    {
        var clusters = spec.Variables.Select(v => fit.FindCluster(v) ?? throw EstimationException.VcovNeedsCluster(v)).ToList();
        if (clusters.FirstOrDefault(c => c.Levels < 2) is { } single) throw DegenerateModel.TooFewClusters(single.Name, single.Levels);
        int n = fit.Nobs;
        int k = fit.K + DegreesOfFreedom.AbsorbedByOutsideClusters(fit, clusters);
        int p = fit.K;
        var meat = new double[p, p];
        int subsets = 1 << clusters.Count;
        for (int mask = 1; mask < subsets; mask++)
        {
            var members = Enumerable.Range(0, clusters.Count).Where(j => (mask & (1 << j)) != 0).Select(j => clusters[j]).ToList();
            var codes = members.Count == 1 ? members[0] : MomentCovariance.Intersect(members);
            var m = SandwichSums.ClusterMeat(fit, codes);
            double sign = members.Count % 2 == 1 ? 1 : -1;
            for (int a = 0; a < p; a++)
                for (int b = 0; b < p; b++) meat[a, b] += sign * m[a, b];
        }
        int gmin = clusters.Min(c => c.Levels);
        double factor = (double)gmin / (gmin - 1) * (n - 1.0) / (n - k);
        string name = string.Join("+", spec.Variables);
        return new VcovResult
        {
            Spec = spec,
            Matrix = SandwichSums.Sandwich(fit.Bread, meat, factor),
            DfResidual = gmin - 1,
            KUsed = k,
            Clusters = clusters.ToDictionary(c => c.Name, c => c.Levels),
            Convention = clusters.Count == 1
                ? $"CR1 by {name}: G/(G-1)*(N-1)/(N-K), G = {gmin}, K = {k} (FE nested in the clusters not counted); t(G-1)"
                : $"multi-way CR1 by {name} (Cameron-Gelbach-Miller): Gmin/(Gmin-1)*(N-1)/(N-K), Gmin = {gmin}, K = {k}; t(Gmin-1) (ivreg2/reghdfe)",
        };
    }

    /// <summary>Undoes G/(G-1)·(N-1)/(N-K) with G the smallest cluster count, as the small-sample covariance applied it.</summary>
    protected override LargeSampleRule? LargeSample(LargeSampleContext c, VcovResult small, ClusterVcovSpec spec)
    {
        int g = small.Clusters.Values.Min();
        double factor = (double)g / (g - 1) * (c.N - 1.0) / (c.N - small.KUsed);
        return new(1.0 / factor, $"cluster-robust by {string.Join("+", spec.Variables)}: no small-sample factor");
    }
}
