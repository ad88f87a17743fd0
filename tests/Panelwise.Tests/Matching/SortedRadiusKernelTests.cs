using Panelwise.Data;
using Panelwise.Methods.Matching;
using Xunit;

namespace Panelwise.Tests.Matching;

/// <summary>Radius and kernel matching by sorted scores and prefix sums (no pair list) give the weights, counts and ATT
/// of the plain O(T·C) definition kept here: every eligible treated unit against every control, the pair loop's
/// membership test (p_t - w ≤ p_c ≤ p_t + w, |p_t - p_c| ≤ w, kernel |p_t - p_c|/h &lt; 1), w_tc = K/Σ_c K, K_c = Σ_t w_tc.
/// Data: continuous covariates (long windows: the prefix-sum expansion) and discrete ones (many tied scores), caliper and
/// bandwidth equal to an exact gap between two tied score values (the edge of the window), tiny and all-covering widths,
/// with and without common support. Tolerance 1e-10 relative per weight.</summary>
public class SortedRadiusKernelTests
{
    private static Frame Data(bool discrete, int seed, int n = 800)
    {
        var random = new Random(seed);
        var x1 = new double[n];
        var x2 = new double[n];
        var d = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x1[i] = discrete ? random.Next(5) : random.NextDouble() * 4 - 2;
            x2[i] = discrete ? random.Next(3) : random.NextDouble();
            d[i] = random.NextDouble() < 1 / (1 + Math.Exp(-(-0.5 + 0.9 * x1[i] - 0.7 * x2[i]))) ? 1 : 0;
            y[i] = 1 + x1[i] + 2 * x2[i] + 1.5 * d[i] + random.NextDouble();
        }
        return new Frame([new NumericColumn("d", d), new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)]);
    }

    public static TheoryData<bool, int, string, double, bool> Cases() => new()
    {
        { false, 1, "kernel", 0.06, false },
        { false, 2, "kernel", 0.2, true },
        { false, 3, "kernel", 0.004, false },
        { false, 4, "kernel", 1e-9, false },
        { false, 5, "kernel", 5, false },
        { false, 6, "radius", 0.01, false },
        { false, 7, "radius", 0.3, true },
        { true, 8, "kernel", 0.06, false },
        { true, 9, "kernel", -1, false },      // -1: the exact gap between the two lowest distinct scores
        { true, 10, "radius", -1, true },
        { true, 11, "radius", 0.05, false },
        { true, 12, "kernel", 3, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WeightsAndAttEqualTheBruteForceDefinition(bool discrete, int seed, string method, double width, bool common)
    {
        var data = Data(discrete, seed);
        var kind = method == "kernel" ? MatchingMethod.Kernel : MatchingMethod.Radius;
        MatchingSpec Spec(double w) => new()
        {
            Treatment = "d", Covariates = ["x1", "x2"], Outcome = "y", Method = kind, CommonSupport = common,
            Bandwidth = kind == MatchingMethod.Kernel ? w : 0.06, Caliper = kind == MatchingMethod.Radius ? w : null,
        };
        var scored = PropensityMatching.Run(data, new MatchingSpec { Treatment = "d", Covariates = ["x1", "x2"] });
        if (width < 0)
        {
            var distinct = scored.Propensity.Scores.Distinct().Order().ToArray();
            width = Math.Abs(distinct[1] - distinct[0]);
        }
        var spec = Spec(width);
        var (weights, att, matched, used) = BruteForce(scored.Propensity.Scores, scored.SampleTreated, data.Numeric("y").Values, spec);
        if (matched == 0)
        {
            Assert.Throws<UserInputException>(() => PropensityMatching.Run(data, spec));
            return;
        }
        var r = PropensityMatching.Run(data, spec);
        Assert.Equal(matched, r.TreatedMatched);
        Assert.Equal(used, r.ControlsUsed);
        for (int i = 0; i < weights.Length; i++)
            Assert.True(Math.Abs(r.SampleWeights[i] - weights[i]) <= 1e-10 * Math.Abs(weights[i]), $"unit {i}: {r.SampleWeights[i]} vs {weights[i]}");
        Assert.Equal(att, r.Att, 1e-10 * Math.Abs(att));
        var withPairs = PropensityMatching.Run(data, spec with { KeepPairs = true });
        Assert.Equal(weights.Count(w => w > 0) - matched, withPairs.Pairs!.Select(p => p.ControlRow).Distinct().Count());
        Assert.Null(r.Pairs);
    }

    /// <summary>The definition: each eligible treated unit against every control, in data order.</summary>
    private static (double[] Weights, double Att, int Matched, int Used) BruteForce(double[] p, bool[] treated, double[] y, MatchingSpec spec)
    {
        bool kernel = spec.Method == MatchingMethod.Kernel;
        double w = kernel ? spec.Bandwidth : spec.Caliper!.Value;
        var controls = Enumerable.Range(0, p.Length).Where(i => !treated[i]).ToArray();
        double low = controls.Min(i => p[i]), high = controls.Max(i => p[i]);
        var weights = new double[p.Length];
        double effects = 0;
        int matched = 0;
        for (int t = 0; t < p.Length; t++)
        {
            if (!treated[t] || (spec.CommonSupport && (p[t] < low || p[t] > high))) continue;
            var k = new List<(int C, double K)>();
            foreach (int c in controls)
            {
                if (!(p[c] >= p[t] - w && p[c] <= p[t] + w)) continue;
                double distance = Math.Abs(p[t] - p[c]);
                if (distance > w) continue;
                double u = distance / w;
                if (kernel && u >= 1) continue;
                k.Add((c, kernel ? 0.75 * (1 - u * u) : 1));
            }
            if (k.Count == 0) continue;
            double total = k.Sum(e => e.K), counterfactual = 0;
            foreach (var (c, kc) in k) { weights[c] += kc / total; counterfactual += kc / total * y[c]; }
            weights[t] = 1;
            matched++;
            effects += y[t] - counterfactual;
        }
        return (weights, effects / matched, matched, controls.Count(c => weights[c] > 0));
    }
}
