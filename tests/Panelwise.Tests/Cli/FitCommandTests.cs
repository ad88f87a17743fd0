using System.Text.Json;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The fit command's JSON contract and its answers to bad input: one line on stderr naming the problem and
/// the fix, exit code 2, nothing on stdout.</summary>
public class FitCommandTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");

    [Fact]
    public void JsonHasTheDocumentedShape()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital | firm + year", "--vcov", "cluster:firm", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("ols_fe", r.GetProperty("model").GetString());
        Assert.Equal(200, r.GetProperty("nobs").GetInt32());
        Assert.Equal("cluster", r.GetProperty("vcov").GetProperty("type").GetString());
        Assert.Equal(10, r.GetProperty("vcov").GetProperty("clusters").GetProperty("firm").GetInt32());
        Assert.Contains("G/(G-1)*(N-1)/(N-K)", r.GetProperty("vcov").GetProperty("convention").GetString());
        Assert.Equal(["value", "capital", "_cons"], r.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
        var first = r.GetProperty("coefficients")[0];
        foreach (var key in new[] { "estimate", "std_error", "statistic", "p_value", "conf_low", "conf_high" })
            Assert.Equal(JsonValueKind.Number, first.GetProperty(key).ValueKind);
        Assert.Equal(20, r.GetProperty("fixed_effects").GetProperty("year").GetInt32());
        foreach (var key in new[] { "r2", "adj_r2", "r2_within", "adj_r2_within", "rmse" })
            Assert.Equal(JsonValueKind.Number, r.GetProperty(key).ValueKind);
        Assert.Equal([2.0, 9.0], r.GetProperty("tests").GetProperty("f").GetProperty("df").EnumerateArray().Select(d => d.GetDouble()));
    }

    [Fact]
    public void CumulativeStepwiseFitsGiveAnArray()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Grunfeld, "inv ~ csw(value, capital) | firm", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.Equal(2, doc.RootElement[0].GetProperty("coefficients").GetArrayLength());
        Assert.Equal(3, doc.RootElement[1].GetProperty("coefficients").GetArrayLength());
    }

    [Fact]
    public void CollinearRegressorIsDroppedWithANote()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital + I(2 * value)", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["I(2 * value)"], doc.RootElement.GetProperty("omitted").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("I(2 * value) omitted because of collinearity.", doc.RootElement.GetProperty("notes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void TimeInvariantRegressorIsDroppedAsCollinearWithTheFixedEffects()
    {
        string csv = CliRunner.TempCsv("p.csv", "id,t,y,x,z\n1,1,1.0,0.5,3\n1,2,2.5,1.5,3\n1,3,2.9,2.0,3\n2,1,0.3,0.1,7\n2,2,1.1,0.7,7\n2,3,2.2,1.9,7\n3,1,4.0,2.2,1\n3,2,3.1,1.0,1\n3,3,5.2,3.3,1\n");
        var (exit, stdout, _) = CliRunner.Run("fit", csv, "y ~ x + z | id", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains("z omitted: collinear with the fixed effects.", doc.RootElement.GetProperty("notes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void SingletonsAreDroppedWithANote()
    {
        string csv = CliRunner.TempCsv("s.csv", "id,t,y,x\n1,1,1.0,0.5\n1,2,2.5,1.5\n1,3,2.9,2.0\n2,1,0.3,0.1\n2,2,1.1,0.7\n2,3,2.2,1.9\n3,1,4.0,2.2\n");
        var (exit, stdout, _) = CliRunner.Run("fit", csv, "y ~ x | id", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(6, doc.RootElement.GetProperty("nobs").GetInt32());
        Assert.Contains("1 singleton observation(s) dropped (alone in a fixed-effect level; reghdfe default).",
            doc.RootElement.GetProperty("notes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void MissingColumnNamesTheFileAndSuggestsAName()
    {
        var (exit, stdout, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ valeu");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"panelwise: Column 'valeu' is not in {Grunfeld}. Did you mean 'value'?\n", stderr);
    }

    [Fact]
    public void MalformedFormulaShowsACaret()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value + + capital");
        Assert.Equal(2, exit);
        Assert.Equal("panelwise: Formula error: expected a term after '+'\n  inv ~ value + + capital\n                ^\n", stderr);
    }

    [Fact]
    public void NonNumericValueNamesRowAndColumn()
    {
        string csv = CliRunner.TempCsv("bad.csv", "id,y,x\n1,1.0,2\n2,2.0,n.a.\n3,3.0,4\n4,3.5,7\n");
        var (exit, _, stderr) = CliRunner.Run("fit", csv, "y ~ x");
        Assert.Equal(2, exit);
        Assert.Equal($"panelwise: Column 'x' in {csv}, row 2, holds 'n.a.', not a number: clean it or pass --na n.a..\n", stderr);
        var (exit2, stdout2, _) = CliRunner.Run("fit", csv, "y ~ x", "--na", "n.a.", "--json");
        Assert.Equal(0, exit2);
        Assert.Contains("\"nobs\": 3", stdout2);
    }

    [Fact]
    public void DuplicatePanelKeyIsAnError()
    {
        string csv = CliRunner.TempCsv("dup.csv", "id,year,y,x\n1,2000,1,2\n1,2001,2,3\n1,2001,3,4\n2,2000,4,5\n");
        var (exit, _, stderr) = CliRunner.Run("fit", csv, "y ~ x", "--panel", "id,year");
        Assert.Equal(2, exit);
        Assert.StartsWith($"panelwise: Duplicate panel key in {csv}: (id, year) = (1, 2001) appears in rows 2 and 3.", stderr);
    }

    [Fact]
    public void LagWithoutPanelAsksForIt()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ l(value, 1)");
        Assert.Equal(2, exit);
        Assert.Contains("--panel id,time", stderr);
    }

    [Fact]
    public void UnknownCovarianceListsTheChoices()
    {
        var (exit, _, stderr) = CliRunner.Run("fit", Grunfeld, "inv ~ value", "--vcov", "clustr:firm");
        Assert.Equal(2, exit);
        Assert.Equal("panelwise: --vcov: Unknown covariance 'clustr:firm': use iid, hc0, hc1 (robust), hc2, hc3, cluster:VAR, cluster:VAR1+VAR2, dk[:LAG] or nw[:LAG].\n", stderr);
    }

    [Fact]
    public void ReadableTableIsTheDefault()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", Grunfeld, "inv ~ value + capital", "--vcov", "hc1");
        Assert.Equal(0, exit);
        Assert.Contains("Number of obs = 200", stdout);
        Assert.Contains("HC1: HC0 * N/(N-K)", stdout);
        Assert.Matches(@"\n\s+value \|\s+0\.1155622", stdout);
    }
}
