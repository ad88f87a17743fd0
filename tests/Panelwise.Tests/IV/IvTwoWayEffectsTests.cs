using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.IV;

/// <summary>Absorbing the year effect instead of writing the year dummy gives the same model: same coefficients,
/// standard errors and weak-identification statistics (the dofminus bookkeeping of two absorbed effects).</summary>
public class IvTwoWayEffectsTests
{
    [Theory]
    [InlineData("iid")]
    [InlineData("cluster:state")]
    [InlineData("hc1")]
    public void YearEffectAbsorbedEqualsYearDummy(string vcov)
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "cigarettessw.csv"));
        var options = new FitOptions { Vcov = VcovSpec.Parse(vcov) };
        var dummy = Assert.Single(Regression.Fit(frame, "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax", options));
        var absorbed = Assert.Single(Regression.Fit(frame, "log_packs ~ log_rincome | state + year | log_rprice ~ tdiff + rtax", options));
        Assert.Equal(dummy.Vcov.DfResidual, absorbed.Vcov.DfResidual);
        foreach (var term in new[] { "log_rprice", "log_rincome" })
        {
            IvOracleTests.Near(dummy[term]!.Estimate, absorbed[term]!.Estimate, $"{term} b", 1e-8);
            IvOracleTests.Near(dummy[term]!.StdError, absorbed[term]!.StdError, $"{term} se", 1e-8);
        }
        IvOracleTests.Near(dummy.Iv!.CraggDonaldF!.Value, absorbed.Iv!.CraggDonaldF!.Value, "CD F", 1e-8);
        IvOracleTests.Near(dummy.Iv.FirstStage[0].F.Statistic, absorbed.Iv.FirstStage[0].F.Statistic, "first-stage F", 1e-8);
    }

    [Fact]
    public void TwoWayClusteringGivesFiniteStatistics()
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "cigarettessw.csv"));
        var r = Assert.Single(Regression.Fit(frame, "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax",
            new FitOptions { Vcov = VcovSpec.Cluster("state", "year") }));
        Assert.Equal(1, r.Vcov.DfResidual);
        Assert.True(double.IsFinite(r["log_rprice"]!.StdError));
        Assert.True(double.IsFinite(r.Iv!.KpRkLm!.Statistic));
        Assert.True(double.IsFinite(r.Iv.HansenJ!.Statistic));
    }
}
