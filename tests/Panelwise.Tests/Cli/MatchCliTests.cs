using System.Text.Json;
using Panelwise.IO;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>panelwise match: the JSON contract, input errors verbatim, and the --out file round trip.</summary>
public class MatchCliTests
{
    private static readonly string Lalonde = ReferencePath.Of("oracle", "data", "lalonde.csv");
    private const string Covariates = "age + educ + black + hispan + married + nodegree + re74 + re75";

    private static JsonElement Json(params string[] extra)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["match", Lalonde, "--treat", "treat", "--covariates", Covariates, .. extra, "--json"]);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void JsonHasTheContractKeysAndNoStandardErrorWithoutBootstrap()
    {
        var root = Json("--outcome", "re78", "--replace", "--ties");
        Assert.Equal(185, root.GetProperty("n_treated").GetInt32());
        Assert.Equal(185, root.GetProperty("n_treated_matched").GetInt32());
        Assert.True(root.GetProperty("n_controls_used").GetInt32() > 0);
        var att = root.GetProperty("att");
        Assert.True(att.GetProperty("estimate").GetDouble() > 0);
        Assert.False(att.TryGetProperty("std_error", out _));
        var pscore = root.GetProperty("pscore");
        Assert.Equal("logit", pscore.GetProperty("model").GetString());
        Assert.Equal(9, pscore.GetProperty("coefficients").GetArrayLength());
        Assert.True(pscore.GetProperty("log_likelihood").GetDouble() < 0);
        Assert.True(pscore.GetProperty("pseudo_r2").GetDouble() > 0);
        var balance = root.GetProperty("balance").EnumerateArray().ToList();
        Assert.Equal(8, balance.Count);
        foreach (var key in new[] { "covariate", "bias_before", "bias_after", "t_after", "p_after", "bias_reduction" })
            Assert.True(balance[0].TryGetProperty(key, out _), key);
    }

    [Fact]
    public void BootstrapAddsABootstrapStandardError()
    {
        var att = Json("--outcome", "re78", "--method", "kernel", "--bootstrap", "10", "--seed", "2").GetProperty("att");
        Assert.True(att.GetProperty("std_error").GetDouble() > 0);
        Assert.Equal("bootstrap", att.GetProperty("std_error_method").GetString());
        Assert.Equal(10, att.GetProperty("bootstrap_reps").GetInt32());
    }

    [Fact]
    public void AbadieImbensStandardErrorIsLabelled()
    {
        var att = Json("--outcome", "re78", "--replace", "--ai", "2").GetProperty("att");
        Assert.True(att.GetProperty("std_error").GetDouble() > 0);
        Assert.Equal("abadie-imbens", att.GetProperty("std_error_method").GetString());
        Assert.False(att.TryGetProperty("bootstrap_reps", out _));
    }

    [Fact]
    public void WithoutOutcomeTheAttIsNull() => Assert.Equal(JsonValueKind.Null, Json("--model", "probit").GetProperty("att").ValueKind);

    [Theory]
    [InlineData("panelwise: Radius matching needs a caliper (--caliper c): every control within c of the treated unit's score is used.", "--method", "radius")]
    [InlineData("panelwise: Unknown --method 'best': use nearest:K, radius (with --caliper) or kernel (with --bandwidth).", "--method", "best")]
    [InlineData("panelwise: --method nearest:K needs a positive number of neighbours, got '0'.", "--method", "nearest:0")]
    [InlineData("panelwise: Unknown --model 'tobit': use logit or probit.", "--model", "tobit")]
    [InlineData("panelwise: --ties applies to matching with replacement (--replace).", "--ties")]
    [InlineData("panelwise: Choose one standard error of the ATT: --ai J or --bootstrap B.", "--outcome", "re78", "--replace", "--ai", "1", "--bootstrap", "5")]
    [InlineData("panelwise: A bootstrap standard error of the ATT needs an outcome (--outcome Y).", "--bootstrap", "5")]
    public void InputErrorsAreReportedVerbatim(string message, params string[] extra)
    {
        var (exit, _, stderr) = CliRunner.Run(["match", Lalonde, "--treat", "treat", "--covariates", Covariates, .. extra]);
        Assert.Equal(2, exit);
        Assert.Equal(message, stderr.TrimEnd());
    }

    [Fact]
    public void PerfectSeparationIsAClearError()
    {
        string path = CliRunner.TempCsv("sep.csv", "d,x\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i => i < 10 ? $"1,{i + 1}" : $"0,{-i}")) + "\n");
        var (exit, _, stderr) = CliRunner.Run("match", path, "--treat", "d", "--covariates", "x");
        Assert.Equal(2, exit);
        Assert.StartsWith("panelwise: Perfect separation in the propensity model: ", stderr, StringComparison.Ordinal);
    }

    /// <summary>The written file carries the matching variables; the weighted regression of the outcome on the treatment over
    /// the matched sample (fit --weights _weight --if "_weight > 0") reproduces the ATT, since the controls' weights sum to
    /// the number of matched treated and each treated unit's to 1.</summary>
    [Fact]
    public void OutFileRoundTripsAndReproducesTheAtt()
    {
        string path = Path.Combine(Path.GetDirectoryName(CliRunner.TempCsv("x.csv", ""))!, "matched.csv");
        var root = Json("--outcome", "re78", "--replace", "--caliper", "0.05", "--if", "age > 17", "--out", path);
        var frame = DataReader.Read(path);
        foreach (var c in new[] { "_pscore", "_treated", "_weight", "_support", "re78", "nodegree" }) Assert.True(frame.Contains(c), c);
        var weight = frame.Numeric("_weight").Values;
        var treated = frame.Numeric("_treated").Values;
        var age = frame.Numeric("age").Values;
        Assert.All(Enumerable.Range(0, frame.RowCount).Where(i => age[i] <= 17), i => Assert.True(double.IsNaN(weight[i])));
        Assert.Equal(root.GetProperty("n_treated_matched").GetInt32(), Enumerable.Range(0, frame.RowCount).Count(i => treated[i] == 1 && weight[i] > 0));
        Assert.Equal(root.GetProperty("n_treated_matched").GetInt32(), Enumerable.Range(0, frame.RowCount).Where(i => treated[i] == 0).Sum(i => weight[i]), 1e-9);
        var (exit, stdout, stderr) = CliRunner.Run("fit", path, "re78 ~ treat", "--weights", "_weight", "--if", "_weight > 0", "--json");
        Assert.True(exit == 0, stderr);
        var treat = JsonDocument.Parse(stdout).RootElement.GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "treat");
        Assert.Equal(root.GetProperty("att").GetProperty("estimate").GetDouble(), treat.GetProperty("estimate").GetDouble(), 1e-6);
    }

    [Fact]
    public void TextReportShowsThePsmatch2AndPstestTables()
    {
        var (exit, stdout, stderr) = CliRunner.Run("match", Lalonde, "--treat", "treat", "--covariates", Covariates, "--outcome", "re78", "--replace");
        Assert.True(exit == 0, stderr);
        Assert.Contains("Logistic regression of treat", stdout, StringComparison.Ordinal);
        Assert.Contains("Unmatched", stdout, StringComparison.Ordinal);
        Assert.Contains("%bias", stdout, StringComparison.Ordinal);
        Assert.Contains("no S.E. for the ATT", stdout, StringComparison.Ordinal);
    }
}
