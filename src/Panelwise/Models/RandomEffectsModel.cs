using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference;
using Panelwise.Inference.Tests;

namespace Panelwise.Models;

/// <summary>Swamy-Arora random effects as Stata's <c>xtreg, re</c> computes them (its default, consistent variance
/// estimator), for balanced and unbalanced panels:
/// σ_e² = SSR_within/(N - n - k) (k = slopes kept by the within fit);
/// σ_u² = max(0, SSR_between/(n - K_b) - σ_e²/T̄), where the between regression is OLS on the n unit means (K_b
/// coefficients incl. the constant) and T̄ = n/Σ(1/T_i) is the harmonic mean of the unit sizes (T when balanced);
/// θ_i = 1 - sqrt(σ_e²/(T_i σ_u² + σ_e²)). Then OLS of y_it - θ_i ȳ_i on (1 - θ_i) and x_it - θ_i x̄_i, so every covariance
/// option applies; iid gives V = s²*(X*'X*)⁻¹ with s²* = SSR*/(N-K) (xtreg, re and plm); statistics are z.
/// Source: Stata [XT] xtreg, Methods and formulas; Baltagi (2021), Econometric Analysis of Panel Data, 6th ed., §2.3, §9.2.
/// For unbalanced panels plm's "swar" differs: it weights the between regression by T_i and uses a trace correction
/// (Baltagi and Chang 1994); Panelwise follows Stata. Balanced panels give the same numbers in both.</summary>
internal static class RandomEffectsModel
{
    public static RegressionResult Fit(PanelSample s, FitOptions options, IEnumerable<PhaseTime> earlier)
    {
        if (!s.Spec.Intercept) throw new EstimationException("{Model} re needs the intercept: remove '0 +' or '- 1' from the formula.");
        var y = s.Data.Response;
        var xs = s.Data.Regressors;
        int n = s.UnitCount, rows = s.Rows;
        var within = LinearEstimator.Fit(s.Problem(y, xs, true, [s.UnitEffect]), options.Estimation with { DropSingletons = false });
        int dfWithin = rows - n - (within.K - 1);
        if (dfWithin <= 0) throw EstimationException.TooFewObservations(rows, n + within.K - 1);
        double sigmaE2 = within.Ssr / dfWithin;

        var between = LinearEstimator.Fit(new LinearProblem
        {
            ResponseName = s.Data.ResponseName,
            Response = s.UnitMeans(y),
            RegressorNames = s.Data.RegressorNames,
            Regressors = xs.Select(s.UnitMeans).ToList(),
        });
        if (n - between.K <= 0)
            throw new EstimationException($"{{Model}} re: the between regression has {n} units for {between.K} coefficients; random effects need more {s.UnitName} values than coefficients.");
        double tBar = s.HarmonicMeanT();
        double sigmaU2 = Math.Max(0, between.Ssr / (n - between.K) - sigmaE2 / tBar);
        var theta = s.Count.Select(t => 1 - Math.Sqrt(sigmaE2 / (t * sigmaU2 + sigmaE2))).ToArray();

        var names = new List<string> { LinearEstimator.InterceptName };
        names.AddRange(s.Data.RegressorNames);
        var columns = new List<double[]> { s.Unit.Select(u => 1 - theta[u]).ToArray() };
        columns.AddRange(xs.Select(x => QuasiDemeaned(s, x, theta)));
        var problem = s.Problem(QuasiDemeaned(s, y, theta), columns, intercept: false, names: names) with
        {
            CentredTotal = true,
            Notes = [.. s.Data.Notes, VarianceNote(s, tBar)],
        };
        var fit = LinearEstimator.Fit(problem, options.Estimation);
        var r2 = PanelStatistics.XtregR2(s, fit);
        var (r2w, r2b, r2o) = r2;
        var bp = BreuschPaganLm.Compute(s);
        // An exact pooled fit leaves every residual 0: the LM statistic is 0/0, so it is left out with a word.
        if (!double.IsFinite(bp.Statistic))
            fit = fit with { Notes = [.. fit.Notes, new Note(NoteKind.Inference, "bp_lm_not_reported", "The Breusch-Pagan LM test (bp_lm) is not reported: the pooled OLS residuals are all 0 " +
                "(the regressors fit the response exactly), so there is no variance to test.")] };
        var result = RegressionResult.Create(PanelStatistics.WithR2Note(fit, r2), options.Vcov, earlier, largeSample: true);
        double sigmaU = Math.Sqrt(sigmaU2), sigmaE = Math.Sqrt(sigmaE2);
        var components = new ModelComponents
        {
            SigmaU = sigmaU,
            SigmaE = sigmaE,
            Rho = sigmaU2 / (sigmaU2 + sigmaE2),
            Theta = s.Balanced ? theta[0] : null,
            ThetaSummary = s.Balanced ? null : Summary(theta),
            R2Within = r2w,
            R2Between = r2b,
            R2Overall = r2o,
        };
        var tests = double.IsFinite(bp.Statistic) ? new Dictionary<string, TestStatistic> { ["bp_lm"] = bp } : [];
        return result.AsModel("re", components, tests);
    }

    private static double[] QuasiDemeaned(PanelSample s, double[] x, double[] theta)
    {
        var means = s.UnitMeans(x);
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++) r[i] = x[i] - theta[s.Unit[i]] * means[s.Unit[i]];
        return r;
    }

    private static Note VarianceNote(PanelSample s, double tBar) => new(NoteKind.Model, "variance_components", s.Balanced
        ? $"Swamy-Arora variance components (balanced panel, T = {s.Count[0]})."
        : $"Unbalanced panel ({s.Count.Min()} to {s.Count.Max()} periods per {s.UnitName}): Swamy-Arora components as Stata's xtreg, re " +
          $"(sigma_u^2 = SSR_between/(n-K) - sigma_e^2/Tbar, Tbar = harmonic mean of T_i = {tBar:G6}); plm's unbalanced swar differs.");

    /// <summary>Min, 5%, median, 95%, max over units; percentiles by Stata's _pctile rule (the average of two order
    /// statistics when nP/100 is whole, else the next one up).</summary>
    private static ThetaSummary Summary(double[] theta)
    {
        var sorted = theta.Order().ToArray();
        double Pct(double p)
        {
            double at = sorted.Length * p / 100;
            int j = (int)Math.Floor(at);
            if (at > j) return sorted[Math.Min(j, sorted.Length - 1)];
            return j == 0 ? sorted[0] : (sorted[j - 1] + sorted[Math.Min(j, sorted.Length - 1)]) / 2;
        }
        return new ThetaSummary(sorted[0], Pct(5), Pct(50), Pct(95), sorted[^1]);
    }
}
