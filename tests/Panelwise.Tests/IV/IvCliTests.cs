using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>The fit command on IV formulas: the "iv" JSON block as issue 4 specifies it (statistics that do not apply are
/// absent, not zero), --estimator, --first-stage, --endog, and the errors for bad IV input.</summary>
public class IvCliTests
{
    private static readonly string Cigarettes = ReferencePath.Of("oracle", "data", "cigarettessw.csv");
    private const string FeFormula = "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax";

    [Fact]
    public void RobustJsonHasTheIvBlock()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Cigarettes, FeFormula, "--vcov", "cluster:state", "--json", "--first-stage");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("iv_2sls_fe", r.GetProperty("model").GetString());
        Assert.Equal(["log_rprice", "log_rincome", "y1995"], r.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
        var iv = r.GetProperty("iv");
        Assert.Equal("2sls", iv.GetProperty("estimator").GetString());
        Assert.Equal(48, iv.GetProperty("dofminus").GetInt32());
        Assert.Contains("dofminus = 48", iv.GetProperty("conventions").GetString());
        var fs = Assert.Single(iv.GetProperty("first_stage").EnumerateArray());
        Assert.Equal("log_rprice", fs.GetProperty("endogenous").GetString());
        foreach (var key in new[] { "f", "f_iid", "partial_r2", "shea_partial_r2", "sw_f" })
            Assert.Equal(JsonValueKind.Number, fs.GetProperty(key).ValueKind);
        Assert.Equal(["tdiff", "rtax"], fs.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
        foreach (var key in new[] { "kp_rk_lm", "hansen_j", "endogeneity", "anderson_rubin" })
            Assert.Equal(JsonValueKind.Object, iv.GetProperty(key).ValueKind);
        Assert.Equal(JsonValueKind.Number, iv.GetProperty("cragg_donald_f").ValueKind);
        Assert.Equal(JsonValueKind.Number, iv.GetProperty("kp_rk_wald_f").ValueKind);
        Assert.Equal(19.93, iv.GetProperty("stock_yogo").GetProperty("size_10").GetDouble());
        // iid-only statistics are absent under a cluster covariance.
        Assert.False(iv.TryGetProperty("anderson_lm", out _));
        Assert.False(iv.TryGetProperty("sargan", out _));
        Assert.Single(iv.GetProperty("anderson_rubin").GetProperty("confidence_set").EnumerateArray());
    }

    [Fact]
    public void IidJsonLeavesOutRobustStatisticsAndFirstStagesByDefault()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Cigarettes, FeFormula, "--json", "--estimator", "liml", "--endog", "log_rprice");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var iv = doc.RootElement.GetProperty("iv");
        Assert.Equal("iv_liml_fe", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Number, iv.GetProperty("liml_lambda").ValueKind);
        foreach (var absent in new[] { "first_stage", "kp_rk_lm", "kp_rk_wald_f", "hansen_j", "stock_yogo" })
            Assert.False(iv.TryGetProperty(absent, out _), absent);
        foreach (var present in new[] { "anderson_lm", "sargan", "endogeneity" })
            Assert.Equal(JsonValueKind.Object, iv.GetProperty(present).ValueKind);
    }

    [Fact]
    public void ExactlyIdentifiedModelHasNoOveridentificationTest()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Cigarettes, "log_packs ~ log_rincome | log_rprice ~ tdiff", "--if", "year == 1995", "--vcov", "robust", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var iv = doc.RootElement.GetProperty("iv");
        Assert.False(iv.TryGetProperty("hansen_j", out _));
        Assert.False(iv.TryGetProperty("sargan", out _));
    }

    [Fact]
    public void FewerInstrumentsThanEndogenousIsUnderidentified()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Cigarettes, "log_packs ~ 1 | log_rprice + log_rincome ~ tdiff");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("underidentified", stderr);
        Assert.Contains("2 endogenous regressor(s)", stderr);
    }

    [Fact]
    public void InstrumentAbsorbedByTheFixedEffectsIsDroppedWithANote()
    {
        // population_1985-like: a state-level constant is absorbed by the state effects.
        string csv = CliRunner.TempCsv("iv.csv", string.Join("\n", new[] { "id,y,x,z,w" }.Concat(Enumerable.Range(0, 40).Select(i =>
        {
            int id = i / 4;
            double z = Math.Sin(i * 1.3) + 0.1 * i, x = 0.8 * z + Math.Cos(i * 0.7), y = 1.5 * x + Math.Sin(i * 2.1);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id},{y},{x},{z},{id * 0.5}");
        }))) + "\n");
        var (exit, stdout, stderr) = CliRunner.Run("fit", csv, "y ~ 1 | id | x ~ z + w", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains("Instrument w dropped: absorbed by the fixed effects.", doc.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["z"], doc.RootElement.GetProperty("iv").GetProperty("excluded_instruments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void InstrumentCollinearWithTheExogenousRegressorsIsDroppedWithANote()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Cigarettes, "log_packs ~ log_rincome | log_rprice ~ tdiff + rtax + I(2 * log_rincome)", "--if", "year == 1995", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Instrument I(2 * log_rincome) dropped: collinear"));
    }

    [Fact]
    public void UnknownEstimatorIsAnError()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Cigarettes, FeFormula, "--estimator", "3sls");
        Assert.Equal(2, exit);
        Assert.Contains("use 2sls, liml, gmm2s (ivreg2's two-step GMM) or gmm (Stata ivregress gmm)", stderr);
    }
}
