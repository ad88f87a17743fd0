using Panelwise.Absorb;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;

namespace Panelwise.Models;

/// <summary>Stata <c>xtreg, fe</c>: the within estimator on the panel id, run by the linear engine (so every
/// covariance option applies), with xtreg's extras. _cons = ȳ - x̄'b; û_i = ȳ_i - x̄_i'b - _cons;
/// σ_u = sd(û_i) over units (n-1 denominator); σ_e = sqrt(SSR/(N-n-k)); ρ = σ_u²/(σ_u²+σ_e²); R² within/between/overall
/// as <see cref="PanelStatistics.XtregR2"/>; F test that all u_i = 0:
/// F = ((SSR_pooled - SSR)/(n-1)) / (SSR/(N-n-k)) ~ F(n-1, N-n-k) (Stata [XT] xtreg, Methods and formulas).
/// Singletons are kept, as xtreg keeps them. Further effects in the formula (<c>| id + year</c>) are absorbed too;
/// then only σ_e is reported, since xtreg's decomposition is one-way.</summary>
internal static class FixedEffectsModel
{
    // note: added to the fit's notes (e.g. that robust became clustering by the id).
    public static RegressionResult Fit(PanelSample s, FitOptions options, IEnumerable<PhaseTime> earlier, Note? note = null)
    {
        var others = s.UserFixedEffects.Where(f => f.Name != s.UnitName).ToList();
        var effects = new List<FixedEffect> { s.UnitEffect };
        effects.AddRange(others);
        var problem = s.Problem(s.Data.Response, s.Data.Regressors, true, effects);
        if (note is not null) problem = problem with { Notes = [.. problem.Notes, note] };
        var fit = LinearEstimator.Fit(problem, options.Estimation with { DropSingletons = false });
        bool oneUnit = s.UnitCount < 2;
        if (oneUnit)
            fit = fit with { Notes = [.. fit.Notes, new Note(NoteKind.Inference, "single_unit", $"One unit of {s.UnitName} in the sample: its fixed effect is the intercept, so sigma_u, rho, " +
                "R2 between and the F test that all u_i = 0 are not defined (not reported). Widen the {If} filter to compare units.")] };
        var r2 = others.Count > 0 || oneUnit ? default : PanelStatistics.XtregR2(s, fit);
        if (others.Count == 0 && !oneUnit) fit = PanelStatistics.WithR2Note(fit, r2, within: false);
        var result = RegressionResult.Create(fit, options.Vcov, earlier);
        double sigmaE = result.Rmse;
        if (others.Count > 0 || oneUnit)
            return Named(result, new ModelComponents { SigmaE = sigmaE }, new Dictionary<string, TestStatistic>());

        var (columns, slopes) = PanelStatistics.Slopes(s, fit);
        double cons = PanelStatistics.Coefficient(fit, LinearEstimator.InterceptName);
        var xbMeans = s.UnitMeans(PanelStatistics.Index(columns, slopes, s.Rows));
        var yMeans = s.UnitMeans(s.Data.Response);
        var u = new double[s.UnitCount];
        for (int i = 0; i < u.Length; i++) u[i] = yMeans[i] - xbMeans[i] - cons;
        double sigmaU = PanelStatistics.StandardDeviation(u);
        var (_, between, overall) = r2;
        var components = new ModelComponents
        {
            SigmaU = sigmaU,
            SigmaE = sigmaE,
            Rho = sigmaU * sigmaU / (sigmaU * sigmaU + sigmaE * sigmaE),
            R2Between = between,
            R2Overall = overall,
        };
        var tests = new Dictionary<string, TestStatistic> { ["f_u"] = AllEffectsZero(s, fit, result.DfResidual, options.Vcov) };
        return Named(result, components, tests);
    }

    /// <summary>The F test that all u_i = 0, from the pooled OLS fit on the same sample and regressors.</summary>
    private static TestStatistic AllEffectsZero(PanelSample s, LinearFit fit, int dfResidual, VcovSpec vcov)
    {
        var pooled = LinearEstimator.Fit(s.Problem(s.Data.Response, s.Data.Regressors, s.Spec.Intercept));
        double df1 = s.UnitCount - 1;
        double f = (pooled.Ssr - fit.Ssr) / df1 / (fit.Ssr / dfResidual);
        Note? note = vcov is IidVcovSpec ? null : new Note(NoteKind.Inference, "homoskedastic_f", "homoskedastic F test, as xtreg computes it (it does not use {Vcov})");
        return new TestStatistic("F", f, df1, TailProbability.FisherUpper(f, df1, dfResidual), dfResidual, note);
    }

    private static RegressionResult Named(RegressionResult r, ModelComponents c, IReadOnlyDictionary<string, TestStatistic> tests) =>
        r.AsModel("fe", c, tests);
}
