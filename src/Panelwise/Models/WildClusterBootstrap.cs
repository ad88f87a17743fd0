using Panelwise.Estimation;
using Panelwise.Results;
using Panelwise.Inference;
using Panelwise.Inference.Bootstrap;

namespace Panelwise.Models;

/// <summary>Wild cluster restricted (WCR) bootstrap per coefficient as Stata's boottest computes it (Roodman,
/// MacKinnon, Nielsen and Webb 2019, "Fast and wild: Bootstrap inference in Stata using boottest", Stata Journal
/// 19(1)): for each coefficient, the null β_j = 0 is imposed, y* = X β̃ + ũ ∘ v with one weight v_g per cluster
/// (Rademacher, or Webb's six points), and the CR t statistic of the refit is compared with the sample's
/// (symmetric p-value). The refits are never computed: see <see cref="CoefficientBootstrap"/>. 95% intervals by test
/// inversion. OLS and absorbed-FE fits, one-way clustering, no weights.
/// <code>var boot = WildClusterBootstrap.Run(result, new WildBootstrapSpec(9999, BootstrapWeights.Webb, Seed: 1));</code></summary>
public static class WildClusterBootstrap
{
    /// <summary>Runs the bootstrap on <paramref name="result"/>, whose covariance must be one-way clustered; progress
    /// (one message per coefficient) goes to <paramref name="progress"/> when given.</summary>
    public static WildBootstrapResult Run(RegressionResult result, WildBootstrapSpec spec, IProgress<string>? progress = null) =>
        Run(result, spec, progress, lowRank: true);

    /// <summary>As <see cref="Run(RegressionResult, WildBootstrapSpec, IProgress{string}?)"/>; <paramref name="lowRank"/> false
    /// forces the dense G x G form for fixed effects that mix clusters (the reference the low-rank form is tested against).</summary>
    internal static WildBootstrapResult Run(RegressionResult result, WildBootstrapSpec spec, IProgress<string>? progress, bool lowRank)
    {
        if (result.Vcov.Spec is not ClusterVcovSpec { Variables.Count: 1 } clustered)
            throw new EstimationException("{WildBootstrap} resamples clusters: add {Vcov} cluster:VAR with one cluster variable (boottest uses the fit's clustering).");
        if (result.Model is not ("ols" or "ols_fe"))
            throw new EstimationException($"{{WildBootstrap}} works on OLS and absorbed-FE fits, not on model '{result.Model}'.");
        var fit = result.Fit;
        if (fit.Weights is not null)
            throw new EstimationException("{WildBootstrap} does not support {Weights} yet: drop the weights or the bootstrap.");
        if (spec.Reps < 1) throw new ArgumentOutOfRangeException(nameof(spec), "The number of replications must be positive.");
        var cluster = fit.FindCluster(clustered.Variables[0]) ?? throw EstimationException.VcovNeedsCluster(clustered.Variables[0]);
        if (cluster.Levels < 2) throw new EstimationException("{WildBootstrap} needs at least two clusters.");
        var design = new BootstrapDesign(fit, cluster, lowRank);
        var draws = BootstrapDraws.Create(spec, cluster.Levels);
        var rows = new List<WildBootstrapCoefficient>();
        var terms = fit.ReportOrder.Where(t => design.Terms.Contains(t)).ToList();
        for (int index = 0; index < terms.Count; index++)
        {
            string term = terms[index];
            progress?.Report($"wild bootstrap: {term} ({index + 1}/{terms.Count}, B = {draws.Reps})");
            var test = new CoefficientBootstrap(design, IndexOf(design.Terms, term), draws);
            var (low, high) = test.Interval(0.05, result[term]!.StdError);
            rows.Add(new WildBootstrapCoefficient(term, test.PValue(0), low, high));
        }
        return new WildBootstrapResult
        {
            Reps = draws.Reps,
            Weights = spec.Weights,
            Seed = spec.Seed,
            Enumerated = draws.Enumerated,
            Cluster = cluster.Name,
            Clusters = cluster.Levels,
            Coefficients = rows,
        };
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
