using Panelwise.Estimation.Moments;
using Panelwise.Cli;
using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Reference;

/// <summary>Driscoll-Kraay and panel Newey-West against tests/reference/hac/cases.json (R 4.2.2: explicit algebra
/// cross-checked with plm::vcovSCC / vcovNW; conventions in that folder's README: DK without finite-sample factor and
/// t(T-1); NW with Stata newey's N/(N-K) and t(N-K)). Tolerance 1e-6 relative.</summary>
public class HacReferenceTests
{
    private static readonly JsonElement[] Cases = LoadCases();

    public static TheoryData<string> CaseIds() => new(Cases.Select(c => c.GetProperty("id").GetString()!));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void MatchesReference(string id)
    {
        var c = Cases.Single(x => x.GetProperty("id").GetString() == id);
        var frame = DataReader.Read(ReferencePath.Of(c.GetProperty("data").GetString()!.Split('/')));
        var panel = c.GetProperty("panel");
        var options = new FitOptions
        {
            Panel = (panel[0].GetString()!, panel[1].GetString()!),
            Vcov = VcovSpec.Parse(c.GetProperty("vcov").GetString()!),
        };
        var result = Assert.Single(Regression.Fit(frame, c.GetProperty("formula").GetString()!, options));
        Assert.Equal(c.GetProperty("nobs").GetInt32(), result.Nobs);
        Assert.Equal(c.GetProperty("t_df").GetDouble(), result.Vcov.DfResidual);
        Assert.Equal(c.GetProperty("lag").GetInt32(), result.Vcov.Lag);
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = result[e.GetProperty("term").GetString()!]!;
            Near(e, "estimate", row.Estimate, id, row.Term);
            Near(e, "std_error", row.StdError, id, row.Term);
            Near(e, "statistic", row.Statistic, id, row.Term);
            Near(e, "p_value", row.PValue, id, row.Term);
        }
    }

    [Fact]
    public void NeweyWestWithLagZeroIsHc1()
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var nw = Assert.Single(Regression.Fit(frame, "inv ~ value + capital | firm",
            new FitOptions { Panel = ("firm", "year"), Vcov = VcovSpec.NeweyWest(0) }));
        var hc1 = nw.WithVcov(VcovSpec.Heteroskedastic(1));
        for (int j = 0; j < nw.Coefficients.Count; j++)
            Assert.Equal(hc1.Coefficients[j].StdError, nw.Coefficients[j].StdError, 1e-12);
    }

    [Fact]
    public void DefaultLagIsXtsccRule()
    {
        Assert.Equal(2, HacKernel.DefaultLag(17));
        Assert.Equal(2, HacKernel.DefaultLag(20));
        Assert.Equal(3, HacKernel.DefaultLag(50));
        Assert.Equal(4, HacKernel.DefaultLag(100));
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));
        var r = Assert.Single(Regression.Fit(frame, "log_gsp ~ log_pcap | state",
            new FitOptions { Panel = ("state", "year"), Vcov = VcovSpec.Parse("dk") }));
        Assert.Equal(2, r.Vcov.Lag);
        Assert.Equal(16, r.Vcov.DfResidual);
    }

    [Fact]
    public void TimeCovariancesNeedThePanel()
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var ex = Assert.Throws<EstimationException>(() => Regression.Fit(frame, "inv ~ value", new FitOptions { Vcov = VcovSpec.Parse("dk:2") }));
        Assert.Contains("--panel", CliFlags.Message(ex));
        Assert.Throws<UserInputException>(() => VcovSpec.Parse("nw:x"));
        Assert.Throws<UserInputException>(() => Regression.Fit(frame, "inv ~ value",
            new FitOptions { Panel = ("firm", "year"), Vcov = VcovSpec.Parse("nw:20") }));
    }

    private static void Near(JsonElement e, string key, double actual, string id, string what) =>
        ReferenceCases.Near(e.GetProperty(key).GetDouble(), actual, 1e-6, $"{id} {what} {key}");

    private static JsonElement[] LoadCases() => ReferenceCases.Load("hac");
}
