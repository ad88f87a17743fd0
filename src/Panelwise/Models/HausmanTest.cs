using MathNet.Numerics.LinearAlgebra;
using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Estimation;

namespace Panelwise.Models;

/// <summary>Hausman (1978) specification test, fixed against random effects, as Stata's <c>hausman fe re</c>:
/// H = (b - B)'(V_b - V_B)⁻(b - B) ~ χ²(rank(V_b - V_B)) over the slopes both models estimate (not _cons), b and V_b
/// from xtreg, fe, B and V_B from xtreg, re. Default: each model with its own covariance (also plm::phtest).
/// <c>sigmamore</c>: both on the efficient model's disturbance variance, V_b · s²_RE/σ²_e,FE, with s²_RE = SSR*/(N-K)
/// of the quasi-demeaned regression (xtreg, re's e(rmse)²) and σ²_e,FE = SSR/(N-n-k) (xtreg, fe's e(sigma_e)²).
/// When V_b - V_B is not positive definite, its generalized inverse (eigenvalues of absolute size above 1e-10 of the
/// largest) gives the statistic and its rank the degrees of freedom, and the result says so; the statistic may then be
/// negative (Stata: "chi2 &lt; 0"). Source: Stata [R] hausman, Methods and formulas.</summary>
public static class HausmanTest
{
    /// <summary>Fits both models on every variant of <paramref name="formula"/> and compares them.</summary>
    public static IReadOnlyList<HausmanResult> Run(Frame frame, string formula, FitOptions options, bool sigmaMore = false)
    {
        if (options.Panel is null) throw DataException.PanelRequired("hausman");
        var fe = Regression.Fit(frame, formula, options with { Model = PanelModel.FixedEffects });
        var re = Regression.Fit(frame, formula, options with { Model = PanelModel.RandomEffects });
        return fe.Zip(re, (b, B) => Compare(b, B, sigmaMore)).ToList();
    }

    /// <summary>Compares a consistent fit with an efficient one on their common slopes.</summary>
    public static HausmanResult Compare(RegressionResult consistent, RegressionResult efficient, bool sigmaMore = false)
    {
        var terms = consistent.Fit.Terms.Where(t => t != LinearEstimator.InterceptName && efficient.Fit.Terms.Contains(t)).ToList();
        if (terms.Count == 0) throw new EstimationException("The Hausman test has no coefficient to compare: the fixed-effects model estimates no slope that the random-effects model has.");
        var ic = terms.Select(t => IndexOf(consistent.Fit.Terms, t)).ToArray();
        var ie = terms.Select(t => IndexOf(efficient.Fit.Terms, t)).ToArray();
        double scale = 1;
        if (sigmaMore)
        {
            double s2Efficient = efficient.Fit.Ssr / (efficient.Fit.Nobs - efficient.Fit.K);
            scale = s2Efficient / (consistent.Rmse * consistent.Rmse);
        }
        int q = terms.Count;
        var d = Vector<double>.Build.Dense(q, i => consistent.Fit.Coefficients[ic[i]] - efficient.Fit.Coefficients[ie[i]]);
        var v = Matrix<double>.Build.Dense(q, q, (i, j) => scale * consistent.Vcov.Covariance(ic[i], ic[j]) - efficient.Vcov.Covariance(ie[i], ie[j]));
        var evd = v.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        double tol = 1e-10 * values.Max(Math.Abs);
        var inverse = Matrix<double>.Build.Dense(q, q);
        int rank = 0;
        for (int k = 0; k < q; k++)
        {
            if (Math.Abs(values[k]) <= tol) continue;
            rank++;
            var u = evd.EigenVectors.Column(k);
            inverse += u.OuterProduct(u) / values[k];
        }
        double chi2 = d * inverse * d;
        string? note = values.All(x => x > tol) ? null
            : $"V_FE - V_RE is not positive definite (smallest eigenvalue {values.Min():g3}): generalized inverse used, df = its rank ({rank})" +
              (chi2 < 0 ? "; chi2 < 0, so the data do not meet the test's asymptotic assumptions" : "");
        if (consistent.Vcov.Spec is not IidVcovSpec)
            note = (note is null ? "" : note + "; ") + "the test assumes the efficient model is efficient, which robust or cluster covariances contradict";
        var rows = Enumerable.Range(0, q).Select(i => new HausmanRow(terms[i], consistent.Fit.Coefficients[ic[i]], efficient.Fit.Coefficients[ie[i]],
            d[i], v[i, i] >= 0 ? Math.Sqrt(v[i, i]) : double.NaN)).ToList();
        var test = new TestStatistic("chi2", chi2, rank, TailProbability.ChiSquaredUpper(chi2, rank), Note: note is null ? null : new Note(NoteKind.Inference, "hausman", note));
        string convention = sigmaMore
            ? $"(b-B)'(V_b-V_B)^-1(b-B), b = fe, B = re; sigmamore: V_b scaled by s2_re/sigma_e_fe^2 = {scale:G6} (both on the re disturbance variance, Stata hausman, sigmamore)"
            : "(b-B)'(V_b-V_B)^-1(b-B), b = fe, B = re, each with its own covariance (Stata hausman default, plm::phtest)";
        return new HausmanResult(rows, test, convention, consistent, efficient);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
