using Panelwise.Absorb;
using Panelwise.Estimation;

namespace Panelwise.Inference;

/// <summary>Turns a <see cref="LinearFit"/> into a covariance under Stata's conventions:
/// iid s²(X'WX)⁻¹ with s² = SSR/(N-K); HC0-HC3 (HC1 = HC0·N/(N-K)); CR1 = G/(G-1)·(N-1)/(N-K) with t(G-1);
/// multi-way clustering by Cameron, Gelbach and Miller (2011) inclusion-exclusion with one factor
/// Gmin/(Gmin-1)·(N-1)/(N-K) and t(Gmin-1) (ivreg2/reghdfe). K counts the coefficients plus the absorbed
/// fixed-effect levels; under clustering, effects nested in a cluster variable are not counted (xtreg fe, reghdfe).</summary>
public static partial class VcovEstimator
{
    /// <summary>Computed on the fit's equilibrated columns; the result carries the fit's scales.</summary>
    public static VcovResult Compute(LinearFit fit, VcovSpec spec)
    {
        var vcov = spec.Small ? SmallSample(fit, spec) : LargeSample(fit, SmallSample(fit, spec));
        return fit.Scales is null ? vcov : vcov with { Scales = fit.Scales };
    }

    private static VcovResult SmallSample(LinearFit fit, VcovSpec spec) => spec switch
    {
        IidVcovSpec => Iid(fit, spec),
        HeteroskedasticVcovSpec h => Heteroskedastic(fit, h),
        ClusterVcovSpec c => Cluster(fit, c),
        DriscollKraayVcovSpec dk => DriscollKraay(fit, dk),
        NeweyWestVcovSpec nw => NeweyWest(fit, nw),
        GlsVcovSpec g => new VcovResult
        {
            Spec = g, Matrix = Scale(fit.Bread, 1.0), DfResidual = double.PositiveInfinity, KUsed = fit.K,
            Clusters = new Dictionary<string, int>(), Convention = g.Description,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unsupported covariance."),
    };

    private static VcovResult Iid(LinearFit fit, VcovSpec spec)
    {
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        double df = fit.Nobs - k;
        double s2 = fit.Ssr / df;
        return new VcovResult
        {
            Spec = spec,
            Matrix = Scale(fit.Bread, s2),
            DfResidual = df,
            KUsed = k,
            Clusters = new Dictionary<string, int>(),
            Convention = $"iid: s2 = SSR/(N-K), K = {k} (coefficients incl. _cons + absorbed FE levels); t({df})",
        };
    }

    private static VcovResult Heteroskedastic(LinearFit fit, HeteroskedasticVcovSpec spec)
    {
        if (spec.Type is 2 or 3 && fit.FixedEffects.Count > 0)
            throw EstimationException.LeverageWithFixedEffects($"HC{spec.Type}");
        if (spec.Type is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(spec), "HC type must be 0-3.");
        int k = fit.K + DegreesOfFreedom.AbsorbedBy(fit);
        int n = fit.Nobs;
        double[]? leverage = spec.Type >= 2 ? Leverage(fit) : null;
        var meat = ObservationMeat(fit, leverage, spec.Type);
        double factor = spec.Type == 1 ? (double)n / (n - k) : 1.0;
        return new VcovResult
        {
            Spec = spec,
            Matrix = Sandwich(fit.Bread, meat, factor),
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

    private static VcovResult Cluster(LinearFit fit, ClusterVcovSpec spec)
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
            var codes = members.Count == 1 ? members[0] : Intersect(members);
            var m = ClusterMeat(fit, codes);
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
            Matrix = Sandwich(fit.Bread, meat, factor),
            DfResidual = gmin - 1,
            KUsed = k,
            Clusters = clusters.ToDictionary(c => c.Name, c => c.Levels),
            Convention = clusters.Count == 1
                ? $"CR1 by {name}: G/(G-1)*(N-1)/(N-K), G = {gmin}, K = {k} (FE nested in the clusters not counted); t(G-1)"
                : $"multi-way CR1 by {name} (Cameron-Gelbach-Miller): Gmin/(Gmin-1)*(N-1)/(N-K), Gmin = {gmin}, K = {k}; t(Gmin-1) (ivreg2/reghdfe)",
        };
    }

    internal static FixedEffect Intersect(IReadOnlyList<FixedEffect> members)
    {
        int n = members[0].Codes.Length;
        var map = new Dictionary<long, int>();
        var codes = new int[n];
        for (int i = 0; i < n; i++)
        {
            long key = 0;
            foreach (var m in members) key = key * m.Levels + m.Codes[i];
            if (!map.TryGetValue(key, out int c)) { c = map.Count; map.Add(key, c); }
            codes[i] = c;
        }
        return new FixedEffect(string.Join("#", members.Select(m => m.Name)), codes, map.Count);
    }
}
