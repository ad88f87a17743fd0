using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary><c>panelwise multiverse</c>: the JSON contract of issue 18, each spec equal to <c>panelwise fit --json</c>
/// of the same model (same JSON numbers, printed round-trip), CSV and plot outputs, and user errors naming the flag.</summary>
public class MultiverseCliTests
{
    private static readonly string Data = RepositoryPath.Of("examples", "innovation-chain", "innovation_chain.csv");

    private static string[] Args(params string[] extra) =>
    [
        "multiverse", Data, "--y", "itse; fsie", "--x", "erl; winsor(erl, 0.01); l(erl, 1)", "--controls", "none; lngdp + imp",
        "--fe", "none; industry_id + year", "--vcov", "cluster:industry_id; hc1", "--if", "all; year <= 2021",
        "--panel", "industry_id,year", "--exclude", "x = l(erl, 1) & fe = none", .. extra,
    ];

    [Fact]
    public void Json_specs_equal_panelwise_fit()
    {
        var (exit, stdout, stderr) = CliRunner.Run(Args("--json", "--baseline", "controls = lngdp + imp & fe = industry_id + year"));
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var specs = doc.RootElement.GetProperty("specs");
        Assert.Equal(2 * 3 * 2 * 2 * 2 * 2 - 2 * 2 * 2 * 2, specs.GetArrayLength());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(specs.GetArrayLength(), summary.GetProperty("n_specs").GetInt32());
        // itse, erl (first choices), then controls 2nd (8 specs in), fe 2nd (4 more), first vcov and sample: spec 13.
        Assert.Equal(13, summary.GetProperty("baseline").GetProperty("spec").GetInt32());
        foreach (int i in (int[])[0, 5, 13, 22, 31, 47, 63])
        {
            var s = specs[i];
            string formula = $"{s.GetProperty("y").GetString()} ~ {s.GetProperty("x").GetString()}"
                + (s.GetProperty("controls").GetString() is "none" ? "" : " + " + s.GetProperty("controls").GetString())
                + (s.GetProperty("fe").GetString() is "none" ? "" : " | " + s.GetProperty("fe").GetString());
            var fitArgs = new List<string> { "fit", Data, formula, "--vcov", s.GetProperty("vcov").GetString()!, "--panel", "industry_id,year", "--json" };
            if (s.GetProperty("sample").GetString() is { } sample && sample != "all") fitArgs.AddRange(["--if", sample]);
            var fit = CliRunner.Run([.. fitArgs]);
            Assert.True(fit.Exit == 0, fit.Err);
            using var fitDoc = JsonDocument.Parse(fit.Out);
            var row = fitDoc.RootElement.GetProperty("coefficients").EnumerateArray().First(c => c.GetProperty("term").GetString() == s.GetProperty("term").GetString());
            foreach (string field in (string[])["estimate", "std_error", "p_value", "conf_low", "conf_high"])
                Assert.True(Math.Abs(row.GetProperty(field).GetDouble() - s.GetProperty(field).GetDouble()) <= 1e-10 * Math.Max(1, Math.Abs(row.GetProperty(field).GetDouble())),
                    $"{formula} {field}");
            Assert.Equal(fitDoc.RootElement.GetProperty("nobs").GetInt32(), s.GetProperty("nobs").GetInt32());
        }
    }

    [Fact]
    public void Csv_plot_and_text_are_written()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string csv = Path.Combine(dir, "specs.csv"), png = Path.Combine(dir, "curve.png");
        var (exit, stdout, stderr) = CliRunner.Run(Args("--out", csv, "--plot", png, "--baseline", "fe = industry_id + year"));
        Assert.True(exit == 0, stderr);
        // One design per (fe, sample) for erl and winsor(erl), one more per sample with fixed effects for l(erl, 1).
        Assert.Contains("Multiverse: 80 specifications (40 model fits on 6 shared designs)", stdout);
        Assert.Contains("rank", stdout);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("spec,y,x,controls,fe,vcov,sample,term,estimate,std_error,p_value,conf_low,conf_high,nobs", lines[0]);
        Assert.Equal(81, lines.Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4).ToArray());
    }

    [Fact]
    public void Joint_test_is_seeded_and_reported()
    {
        string[] args = ["multiverse", Data, "--y", "itse", "--x", "erl", "--controls", "none; lngdp", "--fe", "none; year",
            "--vcov", "cluster:industry_id", "--panel", "industry_id,year", "--joint", "20", "--seed", "3", "--json"];
        var first = CliRunner.Run(args);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(first.Out, CliRunner.Run(args).Out);
        using var doc = JsonDocument.Parse(first.Out);
        var joint = doc.RootElement.GetProperty("joint_test");
        Assert.Equal(20, joint.GetProperty("draws").GetInt32());
        Assert.Equal("industry_id", joint.GetProperty("resampled_by").GetString());
        double p = joint.GetProperty("median_p_value").GetDouble();
        Assert.True(p >= 0 && p <= 1 && Math.Abs(p * joint.GetProperty("draws_used").GetInt32() % 1) < 1e-9);
        Assert.Contains("joint test (H0: no effect; ", CliRunner.Run(args[..^1]).Out);
    }

    [Fact]
    public void Short_multiverse_lists_its_specifications_and_a_collinear_focal_term_is_named()
    {
        var (exit, stdout, stderr) = CliRunner.Run("multiverse", Data, "--y", "itse", "--x", "erl", "--fe", "none; year",
            "--if", "all; year <= 2020", "--baseline", "fe = year");
        Assert.True(exit == 0, stderr);
        // Baseline fe = year on all rows is spec 3; only spec 4 (fe = year, short sample) has a smaller estimate.
        Assert.Contains("spec 3: estimate", stdout);
        Assert.True(CliRunner.Run("multiverse", Data, "--y", "itse", "--x", "erl", "--fe", "none; year", "--if", "all; year <= 2020", "--json").Out
            is var json && JsonDocument.Parse(json).RootElement.GetProperty("specs")[3].GetProperty("estimate").GetDouble()
            < JsonDocument.Parse(json).RootElement.GetProperty("specs")[2].GetProperty("estimate").GetDouble());
        Assert.Contains("rank 2 of 4", stdout);
        Assert.Matches(@"\n\s+4  year  year <= 2020 .* 280\n", stdout);
        var bad = CliRunner.Run("multiverse", Data, "--y", "itse", "--x", "year; erl", "--fe", "none; year");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("Specification 2 (itse ~ year | year, vcov iid): the focal term 'year' has no estimate", bad.Err);
        Assert.Contains("--exclude", bad.Err);
    }

    [Theory]
    [InlineData("--exclude", "fe = year", "--exclude: 'year' is not a choice of fe")]
    [InlineData("--baseline", "sample = all & x = l(erl, 1) & fe = none", "--baseline: the baseline")]
    [InlineData("--vcov", "cluster:industry_id; bogus", "--vcov")]
    public void Bad_input_is_a_user_error_naming_the_flag(string flag, string value, string message)
    {
        var args = Args().ToList();
        int at = args.IndexOf(flag);
        if (at >= 0) args[at + 1] = value; else args.AddRange([flag, value]);
        var (exit, _, stderr) = CliRunner.Run([.. args]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }
}
