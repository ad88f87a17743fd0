using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference;

namespace Panelwise.Models;

/// <summary>Least-squares dummy variables, Stata <c>regress y x i.id</c>: a constant plus one dummy per unit but the
/// first (named <c>id::level</c>), so R² is centred on the overall mean and adjusted R² = 1-(1-R²)(N-1)/(N-K) with every
/// dummy counted in K. The dummies' coefficients (each unit's intercept minus the first unit's) are reported only on
/// request (<see cref="FitOptions.ShowFixedEffects"/>); the slopes equal the within estimator's.</summary>
internal static class DummyVariableModel
{
    /// <param name="s">The sample, whose design already holds the unit dummies (the formula plus <c>i(id)</c>).</param>
    /// <param name="options">Covariance and estimation settings; <see cref="FitOptions.ShowFixedEffects"/> shows the dummies.</param>
    /// <param name="earlier">Timings of the phases before estimation.</param>
    /// <param name="dummyPrefix">The prefix of the dummies' names, e.g. <c>firm::</c>.</param>
    public static RegressionResult Fit(PanelSample s, FitOptions options, IEnumerable<PhaseTime> earlier, string dummyPrefix)
    {
        var fit = LinearEstimator.Fit(s.Problem(s.Data.Response, s.Data.Regressors, intercept: true), options.Estimation);
        int dummies = fit.ReportOrder.Count(t => t.StartsWith(dummyPrefix, StringComparison.Ordinal));
        if (!options.ShowFixedEffects && dummies > 0)
            fit = fit with
            {
                ReportOrder = fit.ReportOrder.Where(t => !t.StartsWith(dummyPrefix, StringComparison.Ordinal)).ToList(),
                Notes = [.. fit.Notes, new Note(NoteKind.Model, "hidden_dummies", $"{dummies} unit dummies ({dummyPrefix}*) estimated but not shown; {{ShowFixedEffects}} lists them.")],
            };
        return RegressionResult.Create(fit, options.Vcov, earlier).AsModel("lsdv", null, new Dictionary<string, TestStatistic>());
    }
}
