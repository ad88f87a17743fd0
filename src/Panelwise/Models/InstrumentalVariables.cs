using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Models;

/// <summary>IV regression with absorbed fixed effects (the ivreg2 / xtivreg2 fe / ivreghdfe model) and ivreg2's
/// diagnostics. Fixed effects are absorbed from y, the regressors and all instruments; the constant goes with them and
/// is not reported, and their levels enter as dofminus: iid s² = SSR/(N-K-dofminus), HC1 N/(N-K-dofminus), t(N-K-dofminus);
/// CR1 G/(G-1)(N-1)/(N-K) with t(G-1), where K adds only the absorbed levels not nested in a cluster variable.
/// K counts the reported coefficients (_cons included when there are no fixed effects).</summary>
public static class InstrumentalVariables
{
    public static RegressionResult Fit(IvProblem problem, VcovSpec vcov, IvOptions? options = null, EstimationOptions? estimation = null,
        IEnumerable<PhaseTime>? earlier = null)
    {
        options ??= new IvOptions();
        IvResultAssembly.CheckCovariance(vcov);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sample = IvSampleBuilder.Build(problem, estimation ?? new EstimationOptions());
        var prepared = new PhaseTime("absorb", clock.Elapsed.TotalSeconds);
        return IvResultAssembly.Create(new IvFit(sample, options, [.. earlier ?? [], prepared]), vcov);
    }
}
