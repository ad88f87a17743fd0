using Panelwise.Cli;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Inference.Bootstrap;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Inference;

/// <summary>The fast WCR bootstrap against its definition. With G = 6 clusters and B ≥ 64 every Rademacher sign vector
/// is enumerated (as boottest does), so the p-value is exact and must equal a brute-force bootstrap that imposes the
/// null, builds y* = ŷ_restricted + ũ∘v, refits OLS (fixed effects as explicit dummies) and recomputes the cluster-robust
/// t statistic for each of the 64 draws. No R package for this is in Debian (fwildclusterboot is not packaged), so the
/// brute force is the reference.</summary>
public class WildBootstrapTests
{
    private const string Sample = "firm <= 6";

    public static TheoryData<string, string> Models() => new()
    {
        { "inv ~ value + capital", "" },            // OLS with _cons
        { "inv ~ value + capital | firm", "firm" }, // FE nested in the clusters
        { "inv ~ value + capital | year", "year" }, // FE not nested: M_D mixes clusters
        { "inv ~ value + capital | firm + year", "firm year" }, // one nested, one mixing (the low-rank form with A)
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EnumeratedPValuesEqualBruteForceRefits(string formula, string dummies)
    {
        var result = Fit(formula);
        var boot = WildClusterBootstrap.Run(result, new WildBootstrapSpec(999));
        Assert.True(boot.Enumerated);
        Assert.Equal(64, boot.Reps);
        var brute = new BruteForce(dummies);
        foreach (var row in boot.Coefficients)
        {
            Assert.Equal(brute.PValue(row.Term, 0), row.PValue);
            // The interval's bounds are where p crosses 0.05: inside just above, outside just below.
            double delta = 1e-4 * result[row.Term]!.StdError;
            Assert.True(brute.PValue(row.Term, row.ConfLow + delta) >= 0.05, $"{row.Term} low bound inside");
            Assert.True(brute.PValue(row.Term, row.ConfLow - delta) < 0.05, $"{row.Term} low bound outside");
            Assert.True(brute.PValue(row.Term, row.ConfHigh - delta) >= 0.05, $"{row.Term} high bound inside");
            Assert.True(brute.PValue(row.Term, row.ConfHigh + delta) < 0.05, $"{row.Term} high bound outside");
        }
        Assert.Equal(formula.Contains('|') ? 2 : 3, boot.Coefficients.Count);
    }

    [Theory]
    [InlineData("inv ~ value + capital | year", "rademacher")]
    [InlineData("inv ~ value + capital | firm + year", "webb")]
    public void TheLowRankMixingEqualsTheDenseFormWithRandomWeights(string formula, string weights)
    {
        // All ten firms: 2^10 > 999, so the weights are drawn; the dense G x G form demeans each cluster's residuals.
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var result = Assert.Single(Regression.Fit(frame, formula, new FitOptions { Vcov = VcovSpec.Cluster("firm") }));
        var spec = WildBootstrapSpec.Parse("999:" + weights, 11);
        var fast = WildClusterBootstrap.Run(result, spec, null, lowRank: true);
        var dense = WildClusterBootstrap.Run(result, spec, null, lowRank: false);
        Assert.False(fast.Enumerated);
        foreach (var (a, b) in fast.Coefficients.Zip(dense.Coefficients))
        {
            Assert.Equal(b.PValue, a.PValue);
            Assert.Equal(b.ConfLow, a.ConfLow, 1e-8 * Math.Abs(b.ConfLow));
            Assert.Equal(b.ConfHigh, a.ConfHigh, 1e-8 * Math.Abs(b.ConfHigh));
        }
    }

    [Fact]
    public void SeededDrawsAreReproducible()
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));
        var result = Assert.Single(Regression.Fit(frame, "log_gsp ~ log_pcap + unemp | state", new FitOptions { Vcov = VcovSpec.Cluster("state") }));
        var spec = new WildBootstrapSpec(499, BootstrapWeights.Webb, Seed: 7);
        var first = WildClusterBootstrap.Run(result, spec);
        var again = WildClusterBootstrap.Run(result, spec);
        var other = WildClusterBootstrap.Run(result, spec with { Seed = 8 });
        Assert.False(first.Enumerated);
        Assert.Equal(first.Coefficients, again.Coefficients);
        Assert.NotEqual(first.Coefficients.Select(c => c.ConfLow), other.Coefficients.Select(c => c.ConfLow));
        foreach (var c in first.Coefficients)
            Assert.True(c.ConfLow < result[c.Term]!.Estimate && result[c.Term]!.Estimate < c.ConfHigh);
    }

    [Fact]
    public void NeedsOneWayClustering()
    {
        var result = Fit("inv ~ value") .WithVcov(VcovSpec.Heteroskedastic(1));
        var ex = Assert.Throws<EstimationException>(() => WildClusterBootstrap.Run(result, new WildBootstrapSpec(99)));
        Assert.Contains("--vcov cluster:VAR", CliFlags.Message(ex));
        Assert.Equal(new WildBootstrapSpec(9999, BootstrapWeights.Webb, 3), WildBootstrapSpec.Parse("9999:webb", 3));
        Assert.Throws<UserInputException>(() => WildBootstrapSpec.Parse("many", 1));
    }

    private static RegressionResult Fit(string formula)
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        return Assert.Single(Regression.Fit(frame, formula, new FitOptions { Vcov = VcovSpec.Cluster("firm"), If = Sample }));
    }

    /// <summary>The bootstrap by definition: 64 explicit restricted and unrestricted least-squares refits per null value.</summary>
    private sealed class BruteForce
    {
        private readonly Matrix<double> _x;
        private readonly Vector<double> _y;
        private readonly int[] _firm;
        private readonly List<string> _names;

        public BruteForce(string dummies)
        {
            var d = SimpleCsv.ReadNumeric(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
            var rows = Enumerable.Range(0, d["firm"].Length).Where(i => d["firm"][i] <= 6).ToArray();
            _names = ["value", "capital"];
            var columns = new List<double[]> { rows.Select(i => d["value"][i]).ToArray(), rows.Select(i => d["capital"][i]).ToArray() };
            if (dummies == "") { _names.Add("_cons"); columns.Add(rows.Select(_ => 1.0).ToArray()); }
            else
                foreach (var (set, index) in dummies.Split(' ').Select((set, index) => (set, index)))
                    foreach (double level in rows.Select(i => d[set][i]).Distinct().Skip(index))   // later sets drop a level
                    {
                        _names.Add($"{set}={level}");
                        columns.Add(rows.Select(i => d[set][i] == level ? 1.0 : 0.0).ToArray());
                    }
            _x = Matrix<double>.Build.Dense(rows.Length, columns.Count, (i, j) => columns[j][i]);
            _y = Vector<double>.Build.DenseOfEnumerable(rows.Select(i => d["inv"][i]));
            _firm = rows.Select(i => (int)d["firm"][i] - 1).ToArray();
        }

        public double PValue(string term, double r)
        {
            int j = _names.IndexOf(term);
            var others = _x.RemoveColumn(j);
            var shifted = _y - r * _x.Column(j);
            var restrictedFit = others * others.QR().Solve(shifted);
            var tilde = shifted - restrictedFit;
            double t = Math.Abs(TStatistic(_y, j, r));
            int count = 0;
            for (int mask = 0; mask < 64; mask++)
            {
                var star = Vector<double>.Build.Dense(_y.Count, i => r * _x[i, j] + restrictedFit[i] + tilde[i] * (((mask >> _firm[i]) & 1) == 0 ? 1 : -1));
                if (Math.Abs(TStatistic(star, j, r)) >= t * (1 - 1e-10)) count++;
            }
            return count / 64.0;
        }

        /// <summary>(b_j - r) / CR standard error without the CR1 factor (it cancels between t and t*).</summary>
        private double TStatistic(Vector<double> y, int j, double r)
        {
            var inverse = (_x.TransposeThisAndMultiply(_x)).Inverse();
            var b = inverse * _x.TransposeThisAndMultiply(y);
            var e = y - _x * b;
            var q = _x * inverse.Column(j);
            var scores = new double[6];
            for (int i = 0; i < e.Count; i++) scores[_firm[i]] += q[i] * e[i];
            return (b[j] - r) / Math.Sqrt(scores.Sum(s => s * s));
        }
    }
}
