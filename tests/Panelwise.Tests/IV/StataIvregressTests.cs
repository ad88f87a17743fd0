using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.IV;

/// <summary>Stata 13 <c>ivregress</c> output stored by the public repository bashtage/linearmodels (extracted to
/// tests/reference/iv/ivregress/stata_ivregress.json by extract.py there; printed with 12 significant digits). Conventions:
/// <c>--estimator gmm</c> is <c>ivregress gmm</c>: W = S1⁻¹ from the 2SLS residuals under the covariance's structure
/// (wmatrix(robust | cluster | hac bartlett m) = --vcov hc1 | cluster:VAR | nw:m), the two-step coefficients, and
/// V = B X'Z W S2 W Z'X B with S2 from the final GMM residuals (vce of the wmatrix's type, ivregress's default).
/// Small (Panelwise's default, ivregress <c>small</c>): robust and HAC carry N/(N-K), cluster G/(G-1)(N-1)/(N-K), F and
/// t with N-K (G-1) df, rmse = sqrt(SSR/(N-K)). --no-small (ivregress without small): no factor, z statistics, Wald
/// chi2, rmse = sqrt(SSR/N), iid s² = SSR/N. Hansen's J of ivregress gmm equals ivreg2's (S1 weights at the GMM
/// residuals).</summary>
public class StataIvregressTests
{
    private const double Tolerance = 1e-6;
    private const string Rhs = " ~ x3 + x4 + x5 | x1 ~ z1 + z2";

    [Theory]
    [InlineData("gmm_robust", "hc1", false)]
    [InlineData("gmm_robust_small", "hc1", true)]
    [InlineData("gmm_cluster", "cluster:cluster_id", false)]
    [InlineData("gmm_cluster_small", "cluster:cluster_id", true)]
    [InlineData("gmm_hac", "nw:12", false)]
    [InlineData("gmm_hac_small", "nw:12", true)]
    public void GmmMatchesIvregressGmm(string id, string vcov, bool small)
    {
        var c = Case(id);
        var r = Fit(c, vcov, small, IvEstimatorKind.Gmm);
        Assert.Equal("iv_gmm", r.Model);
        Check(c, r, small);
        IvOracleTests.Near(c.GetProperty("J").GetDouble(), r.Iv!.HansenJ!.Statistic, "Hansen J", Tolerance);
    }

    [Theory]
    [InlineData("2sls_iid", "iid", false)]
    [InlineData("2sls_robust", "hc1", false)]
    [InlineData("2sls_cluster", "cluster:cluster_id", false)]
    [InlineData("2sls_hac", "nw:12", false)]
    [InlineData("2sls_hac_small", "nw:12", true)]
    public void TwoStageLeastSquaresMatchesIvregress(string id, string vcov, bool small)
    {
        var c = Case(id);
        Check(c, Fit(c, vcov, small, IvEstimatorKind.TwoStageLeastSquares), small);
    }

    [Fact]
    public void GmmAndGmm2sShareCoefficientsNotCovariance()
    {
        var c = Case("gmm_robust");
        var gmm = Fit(c, "hc1", small: true, IvEstimatorKind.Gmm);
        var gmm2s = Fit(c, "hc1", small: true, IvEstimatorKind.TwoStepGmm);
        IvOracleTests.Near(gmm.Coefficients[0].Estimate, gmm2s.Coefficients[0].Estimate, "shared two-step coefficient", 1e-12);
        Assert.True(Math.Abs(gmm.Coefficients[0].StdError / gmm2s.Coefficients[0].StdError - 1) > 1e-4, "ivregress gmm and gmm2s covariances differ");
    }

    private static void Check(JsonElement c, RegressionResult r, bool small)
    {
        var terms = c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        var v = c.GetProperty("vcov");
        var fitTerms = r.Fit.Terms.ToList();
        for (int a = 0; a < terms.Count; a++)
        {
            IvOracleTests.Near(c.GetProperty("coefficients").GetProperty(terms[a]).GetDouble(), r[terms[a]]!.Estimate, $"{terms[a]} b", Tolerance);
            for (int b = 0; b < terms.Count; b++)
            {
                double expected = v[a][b].GetDouble();
                double scale = Math.Sqrt(v[a][a].GetDouble() * v[b][b].GetDouble());
                double actual = r.Vcov.Matrix[fitTerms.IndexOf(terms[a]), fitTerms.IndexOf(terms[b])];
                Assert.True(Math.Abs(actual - expected) <= Tolerance * scale, $"V[{terms[a]},{terms[b]}]: expected {expected:R}, got {actual:R}");
            }
        }
        IvOracleTests.Near(c.GetProperty("rmse").GetDouble(), r.Rmse, "rmse", Tolerance);
        var f = r.FTest!;
        if (small)
        {
            IvOracleTests.Near(c.GetProperty("F").GetDouble(), f.Statistic, "model F", Tolerance);
            Assert.False(r.Vcov.IsNormal);
        }
        else
        {
            // Wald chi2(K-1) and z statistics.
            Assert.True(r.Vcov.IsNormal);
            IvOracleTests.Near(c.GetProperty("chi2").GetDouble(), f.Statistic * f.Df1, "Wald chi2", Tolerance);
        }
    }

    private static RegressionResult Fit(JsonElement c, string vcov, bool small, IvEstimatorKind kind)
    {
        var frame = DataReader.Read(ReferencePath.Of("iv", "ivregress", "simulated_data.csv"));
        var options = new FitOptions { Panel = ("id", "time"), Vcov = VcovSpec.Parse(vcov) with { Small = small }, Iv = new IvOptions { Estimator = kind } };
        return Assert.Single(Regression.Fit(frame, c.GetProperty("response").GetString() + Rhs, options));
    }

    private static JsonElement Case(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("iv", "ivregress", "stata_ivregress.json")));
        return doc.RootElement.GetProperty("cases").GetProperty(id).Clone();
    }
}
