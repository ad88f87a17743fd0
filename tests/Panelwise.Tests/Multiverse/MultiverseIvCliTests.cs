using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary><c>panelwise multiverse --iv</c>: instrumented specifications equal <c>panelwise fit --json</c> of
/// <c>y ~ controls | fe | x ~ z</c>; the JSON and CSV gain an iv field only when some specification is instrumented;
/// <c>--estimator</c> reaches the fits; a bad instrument is a user error naming the specification.</summary>
public class MultiverseIvCliTests
{
    private static readonly string Data = RepositoryPath.Of("examples", "innovation-chain", "innovation_chain.csv");

    private static string[] Args(params string[] extra) =>
    [
        "multiverse", Data, "--y", "itse", "--x", "erl", "--iv", "none; l(erl, 1); l(erl, 1) + imp", "--controls", "none; lngdp",
        "--fe", "none; industry_id + year", "--vcov", "iid; hc1; cluster:industry_id", "--panel", "industry_id,year",
        "--exclude", "iv = none & fe = none", .. extra,
    ];

    [Fact]
    public void Json_specs_carry_iv_and_equal_panelwise_fit()
    {
        foreach (string estimator in (string[])["2sls", "liml"])
        {
            var (exit, stdout, stderr) = CliRunner.Run(Args("--json", "--estimator", estimator));
            Assert.True(exit == 0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var specs = doc.RootElement.GetProperty("specs");
            Assert.Equal(3 * 2 * 2 * 3 - 2 * 3, specs.GetArrayLength());
            for (int i = 0; i < specs.GetArrayLength(); i += 5)
            {
                var s = specs[i];
                string iv = s.GetProperty("iv").GetString()!, controls = s.GetProperty("controls").GetString()!, fe = s.GetProperty("fe").GetString()!;
                string formula = iv == "none"
                    ? $"itse ~ erl{(controls == "none" ? "" : " + " + controls)}{(fe == "none" ? "" : " | " + fe)}"
                    : $"itse ~ {(controls == "none" ? "1" : controls)}{(fe == "none" ? "" : " | " + fe)} | erl ~ {iv}";
                var fit = CliRunner.Run("fit", Data, formula, "--vcov", s.GetProperty("vcov").GetString()!, "--panel", "industry_id,year",
                    "--estimator", estimator, "--json");
                Assert.True(fit.Exit == 0, fit.Err);
                using var fitDoc = JsonDocument.Parse(fit.Out);
                var row = fitDoc.RootElement.GetProperty("coefficients").EnumerateArray().First(c => c.GetProperty("term").GetString() == "erl");
                foreach (string field in (string[])["estimate", "std_error", "p_value", "conf_low", "conf_high"])
                {
                    double expected = row.GetProperty(field).GetDouble();
                    Assert.True(Math.Abs(expected - s.GetProperty(field).GetDouble()) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"{formula} {field}");
                }
                Assert.Equal(fitDoc.RootElement.GetProperty("nobs").GetInt32(), s.GetProperty("nobs").GetInt32());
            }
        }
    }

    [Fact]
    public void Csv_has_an_iv_column_only_when_instrumented()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string csv = Path.Combine(dir, "specs.csv");
        var (exit, stdout, stderr) = CliRunner.Run(Args("--out", csv));
        Assert.True(exit == 0, stderr);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("spec,y,x,iv,controls,fe,vcov,sample,term,estimate,std_error,p_value,conf_low,conf_high,nobs", lines[0]);
        Assert.Equal(31, lines.Length);
        Assert.StartsWith("1,itse,erl,none,none,industry_id + year,iid,all,erl,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("7,itse,erl,\"l(erl, 1)\",none,none,iid,all,erl,", StringComparison.Ordinal));

        var plain = CliRunner.Run("multiverse", Data, "--y", "itse", "--x", "erl", "--iv", "none", "--json");
        Assert.True(plain.Exit == 0, plain.Err);
        using var doc = JsonDocument.Parse(plain.Out);
        Assert.False(doc.RootElement.GetProperty("specs")[0].TryGetProperty("iv", out _));
    }

    [Fact]
    public void Bad_instrument_is_a_user_error_naming_the_specification()
    {
        var (exit, _, stderr) = CliRunner.Run("multiverse", Data, "--y", "itse", "--x", "erl", "--iv", "none; l(erl, 1) + nosuch");
        Assert.NotEqual(0, exit);
        Assert.Contains("nosuch", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
