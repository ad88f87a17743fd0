using Panelwise.Data;
using Panelwise.IO;
using Panelwise.Methods.Matching;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Matching;

/// <summary>The lalonde PSM oracle cases (R 4.2.2, MatchIt 4.5.1): logit, psmatch2-style 1:1 matching with
/// replacement (ties averaged or first) and caliper in score units. Without replacement: GreedyMatchingTests.</summary>
public class MatchingOracleTests
{
    private static readonly Frame Lalonde = DataReader.Read(ReferencePath.Of("oracle", "data", "lalonde.csv"));
    private static readonly string[] Covariates = ["age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"];

    private static MatchingResult Run(bool ties = false, double? caliper = null, bool replace = true) =>
        PropensityMatching.Run(Lalonde, new MatchingSpec
        {
            Treatment = "treat", Covariates = Covariates, Outcome = "re78", Ties = ties, Caliper = caliper, Replace = replace,
        });

    [Fact]
    public void LogitMatchesTheOracle()
    {
        var c = OracleCases.Load("lalonde_psm_nn");
        var fit = Run().Propensity;
        foreach (var e in c.GetProperty("logit").GetProperty("coefficients").EnumerateArray())
        {
            int j = fit.Names.ToList().IndexOf(e.GetProperty("name").GetString()!);
            OracleCases.Near(e.GetProperty("estimate").GetDouble(), fit.Coefficients[j], $"{fit.Names[j]} estimate");
            // Estimates agree to 1e-6, SEs to 2e-5: the SEs here are the inverse information at the optimum (as Stata's logit);
            // R's glm (we believe) evaluates them with the weights of its last IRLS step, before its 1e-8 deviance stop.
            OracleCases.Near(e.GetProperty("se").GetDouble(), fit.StdErrors[j], $"{fit.Names[j]} se", 1e-4);
        }
        OracleCases.Near(c.GetProperty("logit").GetProperty("loglik").GetDouble(), fit.LogLikelihood, "lnL");
        OracleCases.Near(c.GetProperty("logit").GetProperty("pseudo_r2_mcfadden").GetDouble(), fit.PseudoR2, "pseudo R2");
        var summary = c.GetProperty("pscore_summary");
        OracleCases.Near(summary.GetProperty("mean").GetDouble(), fit.Scores.Average(), "mean score");
        var first5 = summary.GetProperty("first5").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < 5; i++) OracleCases.Near(first5[i], fit.Scores[i], $"score {i + 1}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void NearestNeighbourWithReplacementMatchesTheOracle(int variant)
    {
        var m = OracleCases.Load("lalonde_psm_nn").GetProperty("matching")[variant];
        double? caliper = m.GetProperty("caliper").ValueKind == System.Text.Json.JsonValueKind.Null ? null : m.GetProperty("caliper").GetDouble();
        var withTies = Run(ties: true, caliper: caliper);
        var first = Run(ties: false, caliper: caliper);
        OracleCases.Near(m.GetProperty("att_ties").GetDouble(), withTies.Att, "ATT (ties)");
        OracleCases.Near(m.GetProperty("att_first").GetDouble(), first.Att, "ATT (first)");
        Assert.Equal(m.GetProperty("n_treated_matched").GetInt32(), first.TreatedMatched);
        Assert.Equal(m.GetProperty("n_treated").GetInt32(), first.Treated);
        Assert.Equal(m.GetProperty("n_treated_with_ties").GetInt32(), withTies.TreatedWithTies);
        Assert.Equal(m.GetProperty("n_distinct_controls_used_first").GetInt32(), first.ControlsUsed);
    }

    [Fact]
    public void BalanceImprovesAfterMatching()
    {
        var r = Run();
        var black = r.Balance.Single(b => b.Covariate == "black");
        Assert.True(Math.Abs(black.BiasAfter) < Math.Abs(black.BiasBefore) / 3);
        Assert.True(black.PBefore < 1e-10);
    }

    [Fact]
    public void PerfectSeparationIsReported()
    {
        var d = Enumerable.Range(0, 40).Select(i => i < 20 ? 1.0 : 0).ToArray();
        var x = Enumerable.Range(0, 40).Select(i => i < 20 ? 1.0 + i : -1.0 - i).ToArray();
        var frame = new Frame([new NumericColumn("d", d), new NumericColumn("x", x)]);
        var ex = Assert.Throws<UserInputException>(() => PropensityMatching.Run(frame, new MatchingSpec { Treatment = "d", Covariates = ["x"] }));
        Assert.Contains("Perfect separation", ex.Message, StringComparison.Ordinal);
    }
}
