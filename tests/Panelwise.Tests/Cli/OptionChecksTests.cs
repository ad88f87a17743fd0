using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The checks every command gets from OptionChecks (non-finite numbers, empty paths), and the random-effects
/// fit with only an intercept, whose xtreg R² are 0/0 (found by the fuzzing run from seed 3000000).</summary>
public class OptionChecksTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");

    [Theory]
    [InlineData("fit", "--drop-outliers", "1e309")]
    [InlineData("fit", "--fe-tol", "NaN")]
    [InlineData("match", "--caliper", "-Infinity")]
    [InlineData("match", "--bandwidth", "Infinity")]
    [InlineData("index", "--shift", "1e400")]
    public void A_non_finite_number_is_an_error_naming_the_option(string command, string option, string value)
    {
        string[] args = command switch
        {
            "fit" => ["fit", Grunfeld, "inv ~ value", option, value],
            "match" => ["match", Grunfeld, "--treat", "firm", "--covariates", "value", option, value],
            _ => ["index", Grunfeld, "--indicators", "value:+", option, value],
        };
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains($"{option}: '{value}' is not a finite number", stderr);
    }

    [Theory]
    [InlineData("run", "--out")]
    [InlineData("index", "--out")]
    [InlineData("group", "--out")]
    [InlineData("match", "--out")]
    [InlineData("index", "--spec")]
    public void An_empty_path_is_an_error_naming_the_option(string command, string option)
    {
        var (exit, _, stderr) = CliRunner.Run(command, Grunfeld, option, "");
        Assert.Equal(2, exit);
        Assert.Contains($"{option}: the path is empty", stderr);
    }

    [Fact]
    public void Random_effects_with_only_the_intercept_leave_out_the_r2_with_a_note()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ 1", "--panel", "firm,year", "--model", "re");
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("NaN", stdout);
        Assert.Contains("R2 within/between/overall not reported", stdout);
        Assert.Contains("sigma_u = ", stdout);
        var (jsonExit, json, _) = CliRunner.Run("fit", Grunfeld, "inv ~ 1", "--panel", "firm,year", "--model", "re", "--json");
        Assert.Equal(0, jsonExit);
        Assert.DoesNotContain("r2_within", json);
        Assert.Contains("R2 within/between/overall not reported", json);
    }
}
