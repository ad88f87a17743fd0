using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Models;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>An IV result re-covaried with <see cref="RegressionResult.WithVcov"/> is the result a fresh fit under that
/// covariance gives (coefficients, standard errors and every ivreg2 diagnostic, to the bit: the same code computes both
/// from the same <see cref="IvFit"/>), and it is computed from the kept fit: for 2SLS and LIML the only pass over the
/// rows is the diagnostics' fused score pass (none under iid errors); the sample is not rebuilt or refactored and the
/// coefficients are not re-estimated. Efficient GMM re-estimates, since its weight matrix is the covariance's S.</summary>
public class IvRecovarianceTests
{
    private const string Panel = "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax";

    [Theory]
    [InlineData(IvEstimatorKind.TwoStageLeastSquares, "cluster:state", "hc1")]
    [InlineData(IvEstimatorKind.TwoStageLeastSquares, "cluster:state", "iid")]
    [InlineData(IvEstimatorKind.Liml, "iid", "hc1")]
    [InlineData(IvEstimatorKind.TwoStepGmm, "cluster:state", "hc1")]
    public void WithVcovEqualsAFreshFitUnderTheOtherCovariance(IvEstimatorKind kind, string first, string other)
    {
        var recovaried = Fit(first, kind).WithVcov(VcovSpec.Parse(other));
        var fresh = Fit(other, kind);
        Assert.Equal(fresh.Model, recovaried.Model);
        Assert.Equal(fresh.Coefficients, recovaried.Coefficients);   // term, estimate, SE, t, p, interval
        Assert.Equal(fresh.Vcov.Convention, recovaried.Vcov.Convention);
        Assert.Equal(fresh.Vcov.DfResidual, recovaried.Vcov.DfResidual);
        var (a, b) = (fresh.Iv!, recovaried.Iv!);
        Assert.Equal(a.KpRkLm, b.KpRkLm);
        Assert.Equal(a.KpRkWaldF, b.KpRkWaldF);
        Assert.Equal(a.AndersonLm, b.AndersonLm);
        Assert.Equal(a.CraggDonaldF, b.CraggDonaldF);
        Assert.Equal(a.Sargan, b.Sargan);
        Assert.Equal(a.HansenJ, b.HansenJ);
        Assert.Equal(a.Endogeneity, b.Endogeneity);
        Assert.Equal(a.AndersonRubin!.F, b.AndersonRubin!.F);
        Assert.Equal(a.AndersonRubin.ConfidenceSet, b.AndersonRubin.ConfidenceSet);
        Assert.Equal(a.FirstStage.Select(f => (f.F, f.FIid, f.SandersonWindmeijerF)), b.FirstStage.Select(f => (f.F, f.FIid, f.SandersonWindmeijerF)));
        Assert.Equal(a.Conventions, b.Conventions);
        Assert.Equal(fresh.Notes, recovaried.Notes);
        // A robust or cluster covariance reports Kleibergen-Paap, iid does not: the diagnostics follow the covariance.
        Assert.Equal(other != "iid", b.KpRkLm is not null);
    }

    [Theory]
    [InlineData(IvEstimatorKind.TwoStageLeastSquares, "cluster:state", "hc1", 1)]
    [InlineData(IvEstimatorKind.TwoStageLeastSquares, "cluster:state", "iid", 0)]
    [InlineData(IvEstimatorKind.Liml, "iid", "hc1", 1)]
    public void WithVcovReadsTheRowsOnlyForTheDiagnosticsScorePass(IvEstimatorKind kind, string first, string other, int passes)
    {
        var result = Fit(first, kind);
        var sample = result.IvFit!.Sample;
        int before = sample.RowAccesses;
        var recovaried = result.WithVcov(VcovSpec.Parse(other));
        Assert.Same(result.IvFit, recovaried.IvFit);
        // The old closure re-estimated over the rows (x-hat and the residuals: two more passes each time).
        Assert.Equal(passes, sample.RowAccesses - before);
    }

    [Fact]
    public void ReCovaryingBackGivesTheFirstResult()
    {
        // The cluster variable is coded in the sample of a clustered fit, so hc1 and back to clustering is possible.
        var clustered = Fit("cluster:state", IvEstimatorKind.TwoStageLeastSquares);
        var back = clustered.WithVcov(VcovSpec.Parse("hc1")).WithVcov(VcovSpec.Cluster("state"));
        Assert.Equal(clustered.Coefficients, back.Coefficients);
        Assert.Equal(clustered.Iv!.KpRkLm, back.Iv!.KpRkLm);
        Assert.Equal(clustered.Iv.HansenJ, back.Iv.HansenJ);
    }

    [Theory]
    [InlineData("hc2")]
    [InlineData("hc3")]
    public void WithVcovRefusesWhatAFreshFitRefuses(string vcov)
    {
        // ivreg2 has no leverage-based covariance; the old closure let WithVcov compute one anyway.
        var fresh = Assert.Throws<Panelwise.Estimation.EstimationException>(() => Fit(vcov, IvEstimatorKind.TwoStageLeastSquares));
        var recovaried = Assert.Throws<Panelwise.Estimation.EstimationException>(
            () => Fit("hc1", IvEstimatorKind.TwoStageLeastSquares).WithVcov(VcovSpec.Parse(vcov)));
        Assert.Equal(fresh.Message, recovaried.Message);
    }

    private static RegressionResult Fit(string vcov, IvEstimatorKind kind)
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "cigarettessw.csv"));
        var options = new FitOptions { Vcov = VcovSpec.Parse(vcov), Iv = new IvOptions { Estimator = kind } };
        return Assert.Single(Regression.Fit(frame, Panel, options));
    }
}
