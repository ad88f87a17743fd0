using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.Methods.Matching;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Matching;

/// <summary>Radius and kernel matching and the Abadie-Imbens SE against hand-computed values, and the seeded bootstrap SE.
/// The small example has two dummies x1, x2 defining three cells; the logit on them is saturated, so the fitted score of
/// every row is its cell's treated share: A (x1 = x2 = 0): 1 treated (y 10), 3 controls (y 4, 5, 6), p = 1/4;
/// B (x1 = 1): 2 treated (y 12, 14), 2 controls (y 7, 9), p = 1/2; C (x2 = 1): 3 treated (y 20, 21, 22), 2 controls
/// (y 11, 13), p = 3/5. Score distances: A-B 0.25, A-C 0.35, B-C 0.1.</summary>
public class RadiusKernelMatchingTests
{
    private static readonly Frame Cells = new([
        new NumericColumn("d", [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0]),
        new NumericColumn("x1", [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
        new NumericColumn("x2", [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
        new NumericColumn("y", [10, 4, 5, 6, 12, 14, 7, 9, 20, 21, 22, 11, 13]),
    ]);

    private static MatchingResult Run(MatchingMethod method, double? caliper = null, double bandwidth = 0.06, int reps = 0, int seed = 1) =>
        PropensityMatching.Run(Cells, new MatchingSpec
        {
            Treatment = "d", Covariates = ["x1", "x2"], Outcome = "y", Method = method, Caliper = caliper, Bandwidth = bandwidth,
            BootstrapReps = reps, Seed = seed, KeepPairs = true,
        });

    [Fact]
    public void ScoresAreTheCellShares()
    {
        var s = Run(MatchingMethod.Radius, caliper: 0.15).Propensity.Scores;
        Assert.Equal(0.25, s[0], 1e-8);
        Assert.Equal(0.5, s[4], 1e-8);
        Assert.Equal(0.6, s[8], 1e-8);
    }

    /// <summary>Radius 0.15: A's treated sees only A's controls (mean 5): 10 - 5 = 5. B's and C's treated see the four
    /// controls of B and C (mean (7 + 9 + 11 + 13)/4 = 10): 2, 4, 10, 11, 12. ATT = (5 + 2 + 4 + 10 + 11 + 12)/6 = 44/6;
    /// all 7 controls used.</summary>
    [Fact]
    public void RadiusAttMatchesTheHandComputation()
    {
        var r = Run(MatchingMethod.Radius, caliper: 0.15);
        Assert.Equal(44.0 / 6, r.Att, 1e-9);
        Assert.Equal(6, r.TreatedMatched);
        Assert.Equal(7, r.ControlsUsed);
    }

    /// <summary>Epanechnikov, bandwidth 0.2: K(0) = 0.75, K(0.1/0.2) = 0.75 (1 - 0.25) = 0.5625, distances 0.25 and 0.35 are
    /// outside the window. A: counterfactual 5, effect 5. B: (0.75 (7 + 9) + 0.5625 (11 + 13)) / (2 (0.75 + 0.5625)) =
    /// 25.5/2.625 = 68/7, effects 12 - 68/7 = 16/7 and 30/7. C: (0.75 (11 + 13) + 0.5625 (7 + 9)) / 2.625 = 27/2.625 = 72/7,
    /// effects 68/7, 75/7, 82/7. ATT = (5 + 271/7)/6 = 306/42 = 51/7.</summary>
    [Fact]
    public void KernelAttMatchesTheHandComputation()
    {
        var r = Run(MatchingMethod.Kernel, bandwidth: 0.2);
        Assert.Equal(51.0 / 7, r.Att, 1e-9);
        var weightsOfB = r.Pairs!.Where(p => p.TreatedRow == 4).ToDictionary(p => p.ControlRow, p => p.Weight);
        Assert.Equal(0.75 / 2.625, weightsOfB[6], 1e-9);
        Assert.Equal(0.5625 / 2.625, weightsOfB[11], 1e-9);
        Assert.False(weightsOfB.ContainsKey(1));
    }

    /// <summary>psmatch2's default bandwidth 0.06 keeps each treated unit within its own cell: A 10 - 5, B 12 - 8 and
    /// 14 - 8, C 20 - 12, 21 - 12, 22 - 12; ATT = (5 + 4 + 6 + 8 + 9 + 10)/6 = 7.</summary>
    [Fact]
    public void KernelDefaultBandwidthStaysWithinCells() => Assert.Equal(7, Run(MatchingMethod.Kernel).Att, 1e-9);

    [Fact]
    public void RadiusWithoutCaliperIsAnError()
    {
        var ex = Assert.Throws<UserInputException>(() => Run(MatchingMethod.Radius));
        Assert.Equal("Radius matching needs a caliper (--caliper c): every control within c of the treated unit's score is used.", CliFlags.Message(ex));
    }

    [Theory]
    [InlineData(MatchingMethod.Nearest)]
    [InlineData(MatchingMethod.Radius)]
    [InlineData(MatchingMethod.Kernel)]
    public void BootstrapIsReproducibleWithASeed(MatchingMethod method)
    {
        var lalonde = DataReader.Read(ReferencePath.Of("oracle", "data", "lalonde.csv"));
        MatchingResult Boot(int seed) => PropensityMatching.Run(lalonde, new MatchingSpec
        {
            Treatment = "treat", Covariates = ["age", "educ", "black", "married", "re74"], Outcome = "re78", Method = method,
            Caliper = method == MatchingMethod.Radius ? 0.02 : null, BootstrapReps = 25, Seed = seed,
        });
        var a = Boot(3);
        var b = Boot(3);
        Assert.Equal(a.AttStdError, b.AttStdError);
        Assert.True(a.AttStdError > 100 && a.AttStdError < 5000, $"SE {a.AttStdError}");
        Assert.NotEqual(a.AttStdError, Boot(4).AttStdError);
        Assert.Equal(25, a.BootstrapReps);
        Assert.Contains(a.Notes, n => n.Text.StartsWith("ATT standard error: bootstrap", StringComparison.Ordinal));
    }

    /// <summary>1:1 with replacement, first in data order among the equally near (same-cell) controls: A's treated takes row 1
    /// (y 4), B's take row 6 (y 7), C's take row 11 (y 11). Effects 6, 5, 7, 9, 10, 11: ATT = 48/6 = 8. Abadie-Imbens with
    /// J = 1: K = 1, 2, 3 for rows 1, 6, 11 and K' = K, so K² - K' = 0, 2, 6. σ̂² (nearest other control, same cell):
    /// row 6 vs row 7: ½(7 - 9)² = 2; row 11 vs row 12: ½(11 - 13)² = 2. Σ (effect - 8)² = 4 + 9 + 1 + 1 + 4 + 9 = 28.
    /// V = (28 + 2·2 + 6·2)/6² = 44/36, SE = √(11/9).</summary>
    [Fact]
    public void AbadieImbensStdErrorMatchesTheHandComputation()
    {
        var r = PropensityMatching.Run(Cells, new MatchingSpec
        {
            Treatment = "d", Covariates = ["x1", "x2"], Outcome = "y", Replace = true, AbadieImbensNeighbours = 1,
        });
        Assert.Equal(8, r.Att, 1e-9);
        Assert.Equal(Math.Sqrt(11.0 / 9), r.AttStdError, 1e-9);
        Assert.Equal("abadie-imbens", r.AttStdErrorMethod);
    }

    [Fact]
    public void AbadieImbensNeedsMatchingWithReplacement()
    {
        var ex = Assert.Throws<UserInputException>(() => PropensityMatching.Run(Cells, new MatchingSpec
        {
            Treatment = "d", Covariates = ["x1", "x2"], Outcome = "y", Replace = false, AbadieImbensNeighbours = 2,
        }));
        Assert.Equal("The Abadie-Imbens standard error is for nearest-neighbour matching with replacement (--method nearest:K --replace); use --bootstrap B otherwise.", CliFlags.Message(ex));
    }

    [Fact]
    public void NoBootstrapLeavesTheStandardErrorMissing() => Assert.True(double.IsNaN(Run(MatchingMethod.Kernel).AttStdError));
}
