using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Inference.Tests;
using Xunit;
using Panelwise.Results;

namespace Panelwise.Tests.IV;

/// <summary>The Anderson-Rubin confidence set from sufficient statistics (issue 14) against the brute-force inversion it
/// replaced (<see cref="NaiveAndersonRubin"/>: a regression over all rows per β0, 4,000-point scan, 80 bisections per
/// crossing), on strong and weak instruments, iid, HC1 and cluster covariances, bounded, two-ray and whole-line sets;
/// and the pass count: AR and all IV diagnostics touch the rows a bounded number of times.</summary>
public class AndersonRubinSetTests
{
    public static TheoryData<double, int, string, double> Cases() => new()
    {
        { 1.0, 7, "iid", 0.95 },     // strong: a bounded interval
        { 1.0, 7, "hc1", 0.95 },
        { 1.0, 7, "cluster", 0.95 },
        { 0.12, 3, "iid", 0.95 },    // weak: the union of two rays
        { 0.12, 3, "hc1", 0.95 },
        { 0.12, 3, "cluster", 0.95 },
        { 0.0, 7, "iid", 0.95 },     // irrelevant: the whole line
        { 0.03, 7, "hc1", 0.95 },    // two rays
        { 0.03, 7, "cluster", 0.95 }, // the whole line
        { 0.12, 5, "iid", 0.5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSetEqualsTheBruteForceInversion(double strength, int seed, string vcov, double level)
    {
        var sample = Sample(strength, seed);
        var ctx = new IvTestContext(sample, Spec(vcov));
        var (estimate, se) = (1.0, 0.5);
        var fast = AndersonRubin.Compute(ctx, estimate, se, level);
        var slow = NaiveAndersonRubin.Compute(ctx, estimate, se, level);
        IvOracleTests.Near(slow.F.Statistic, fast.F.Statistic, "AR F", 1e-10);
        IvOracleTests.Near(slow.Chi2.Statistic, fast.Chi2.Statistic, "AR chi2", 1e-10);
        var a = fast.ConfidenceSet!;
        var b = slow.ConfidenceSet!;
        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Bound(b[i].Low, a[i].Low);
            Bound(b[i].High, a[i].High);
        }
    }

    [Fact]
    public void WeakInstrumentsGiveTheShapesTheQuadraticAllows()
    {
        Assert.Single(Set(1.0, 7, "iid"));
        var rays = Set(0.12, 3, "iid");
        Assert.Equal(2, rays.Count);
        Assert.True(double.IsNegativeInfinity(rays[0].Low) && double.IsPositiveInfinity(rays[1].High));
        Assert.Equal([(double.NegativeInfinity, double.PositiveInfinity)], Set(0.0, 7, "iid"));
        Assert.Empty(AndersonRubin.QuadraticSet((1, 0, 1)));
        Assert.Equal([(double.NegativeInfinity, double.PositiveInfinity)], AndersonRubin.QuadraticSet((-1, 0, -1)));
        Assert.Equal([(-1.0, 1.0)], AndersonRubin.QuadraticSet((1, 0, -1)));
        Assert.Equal([(2.0, double.PositiveInfinity)], AndersonRubin.QuadraticSet((0, 1, 4)));
    }

    [Theory]
    [InlineData("iid")]
    [InlineData("hc1")]
    [InlineData("cluster")]
    public void AndersonRubinTouchesTheRowsABoundedNumberOfTimes(string vcov)
    {
        var sample = Sample(0.12, seed: 3);
        var ctx = new IvTestContext(sample, Spec(vcov));
        _ = sample.R;   // the sample's QR (two passes), shared by every statistic
        int before = sample.RowAccesses;
        AndersonRubin.Compute(ctx, 1, 0.5, 0.95);
        // Under iid errors the set comes from the QR alone; otherwise one pass forms the score columns of S. The old
        // inversion read the rows at each of ~4,000 β0 and bisection steps.
        Assert.InRange(sample.RowAccesses - before, vcov == "iid" ? 0 : 1, vcov == "iid" ? 0 : 1);
    }

    [Theory]
    [InlineData("iid", IvEstimatorKind.TwoStageLeastSquares)]
    [InlineData("cluster", IvEstimatorKind.TwoStageLeastSquares)]
    [InlineData("cluster", IvEstimatorKind.Liml)]
    [InlineData("hc1", IvEstimatorKind.TwoStepGmm)]
    public void EveryIvDiagnosticTouchesTheRowsABoundedNumberOfTimes(string vcov, IvEstimatorKind kind)
    {
        // The same count whether the instruments are strong or weak (the AR set then has rays and more crossings),
        // and small in absolute terms: each access is one use of an n-row array, not a regression per candidate value.
        int strong = Accesses(Sample(1.0, seed: 7), vcov, kind);
        int weak = Accesses(Sample(0.03, seed: 7), vcov, kind);
        Assert.Equal(strong, weak);
        Assert.InRange(strong, 1, 60);
    }

    [Theory]
    [InlineData("hc1")]
    [InlineData("cluster")]
    public void RobustDiagnosticsShareOneFusedScorePass(string vcov)
    {
        // KP (LM and Wald), Hansen J, the endogeneity test, AR and the first stages read their moment sums from one
        // pass over the rows; before the fusion each made its own (seven for one endogenous regressor).
        var sample = Sample(0.5, seed: 11);
        var ctx = new IvTestContext(sample, Spec(vcov));
        var estimate = TwoStageLeastSquares.Estimate(sample);
        int before = sample.RowAccesses;
        IvDiagnosticsBuilder.Build(ctx, estimate, Vcov(ctx.Spec), "2sls", new IvOptions(), []);
        Assert.Equal(1, sample.RowAccesses - before);
    }

    [Theory]
    [InlineData("hc1")]
    [InlineData("cluster")]
    public void FusedScoreMomentsAreBitIdenticalToSeparatePasses(string vcov)
    {
        var sample = Sample(0.5, seed: 5);
        var moments = new IvTestContext(sample, Spec(vcov)).Moments;
        var families = new[] { (sample.Z, TwoStageLeastSquares.Estimate(sample).ResidualCoordinates), (sample.Z1Tilde, sample.X1Tilde) };
        var separate = families.Select(f => sample.ScoreMoments(f.Item1, f.Item2, moments)).ToList();
        sample.PrefetchScoreMoments(families, moments);
        int before = sample.RowAccesses;
        for (int f = 0; f < families.Length; f++) Assert.Equal(separate[f], sample.ScoreMoments(families[f].Item1, families[f].Item2, moments));
        Assert.Equal(before, sample.RowAccesses);
        sample.ClearPrefetched();
    }

    private static VcovResult Vcov(VcovSpec spec) => new()
    {
        Spec = spec, Matrix = new double[,] { { 0.25 } }, DfResidual = 100, KUsed = 1,
        Clusters = new Dictionary<string, int>(), Convention = "test",
    };

    private static int Accesses(IvSample sample, string vcov, IvEstimatorKind kind)
    {
        var spec = Spec(vcov);
        var ctx = new IvTestContext(sample, spec);
        int before = sample.RowAccesses;
        var estimate = kind switch
        {
            IvEstimatorKind.Liml => Liml.Estimate(sample),
            IvEstimatorKind.TwoStepGmm => Gmm.Estimate(sample, TwoStageLeastSquares.Estimate(sample), ctx.Moments),
            _ => TwoStageLeastSquares.Estimate(sample),
        };
        var vcovResult = new VcovResult
        {
            Spec = spec, Matrix = new double[,] { { 0.25 } }, DfResidual = 100, KUsed = 1,
            Clusters = new Dictionary<string, int>(), Convention = "test",
        };
        IvDiagnosticsBuilder.Build(ctx, estimate, vcovResult, "2sls", new IvOptions { Estimator = kind }, []);
        return sample.RowAccesses - before;
    }

    private static List<(double Low, double High)> Set(double strength, int seed, string vcov) =>
        AndersonRubin.Compute(new IvTestContext(Sample(strength, seed), Spec(vcov)), 1, 0.5, 0.95).ConfidenceSet!.ToList();

    private static void Bound(double expected, double actual)
    {
        if (double.IsInfinity(expected)) { Assert.Equal(expected, actual); return; }
        Assert.True(Math.Abs(expected - actual) <= 1e-8 * Math.Max(1, Math.Abs(expected)), $"bound {actual:R} vs brute force {expected:R}");
    }

    private static VcovSpec Spec(string vcov) => vcov == "cluster" ? VcovSpec.Cluster("g") : VcovSpec.Parse(vcov);

    /// <summary>y = x + w + u, x = s(z1 + z2) + w + v, u = 0.8 v + e, heteroskedastic in z1, 40 clusters of 10 with a
    /// cluster shock; n = 400, one exogenous regressor w and a constant.</summary>
    private static IvSample Sample(double strength, int seed)
    {
        const int n = 400;
        var random = new Random(seed);
        double N() => Normal.Sample(random, 0, 1);
        var y = new double[n]; var x = new double[n]; var w = new double[n]; var z1 = new double[n]; var z2 = new double[n];
        var codes = new int[n];
        var shock = Enumerable.Range(0, 40).Select(_ => N()).ToArray();
        for (int i = 0; i < n; i++)
        {
            codes[i] = i / 10;
            z1[i] = N(); z2[i] = N(); w[i] = N();
            double v = N(), e = N() * Math.Sqrt(0.5 + 0.5 * z1[i] * z1[i]) + 0.5 * shock[codes[i]];
            x[i] = strength * (z1[i] + z2[i]) + 0.5 * w[i] + v;
            y[i] = x[i] + w[i] + 0.8 * v + e;
        }
        var problem = new IvProblem
        {
            ResponseName = "y", Response = y,
            ExogenousNames = ["w"], Exogenous = [w],
            EndogenousNames = ["x"], Endogenous = [x],
            InstrumentNames = ["z1", "z2"], Instruments = [z1, z2],
            Clusters = [new FixedEffect("g", codes, 40)],
        };
        return IvSampleBuilder.Build(problem, new EstimationOptions());
    }
}

/// <summary>The Anderson-Rubin inversion as it was before issue 14, kept as the reference: at every β0 it regresses
/// ũ = ỹ - X̃1 β0 on Z̃1 over all rows.</summary>
internal static class NaiveAndersonRubin
{
    public static Panelwise.Inference.Tests.AndersonRubinResult Compute(IvTestContext ctx, double estimate, double scale, double level)
    {
        var s = ctx.Sample;
        var (f, chi2, df) = Statistic(ctx, Vector<double>.Build.Dense(s.K1));
        var result = new Panelwise.Inference.Tests.AndersonRubinResult
        {
            F = new Panelwise.Inference.TestStatistic("F", f, s.L2, 0, df),
            Chi2 = new Panelwise.Inference.TestStatistic("chi2", chi2, s.L2, 0),
            Level = level,
        };
        double crit = FisherSnedecor.InvCDF(s.L2, df, level);
        double G(double b0) => Statistic(ctx, Vector<double>.Build.Dense(1, b0)).F - crit;
        return result with { ConfidenceSet = Invert(G, estimate, scale) };
    }

    private static (double F, double Chi2, double Df) Statistic(IvTestContext ctx, Vector<double> beta0)
    {
        var s = ctx.Sample;
        var u = s.YTilde - s.X1Tilde * beta0.ToColumnMatrix();
        var z = s.Z1Tilde;
        var pi = Dense.Coefficients(z, u);
        var resid = u - z * pi;
        var (factor, df) = ctx.Scale(s.L);
        if (ctx.IsIid)
        {
            double ssrU = resid.Column(0).DotProduct(resid.Column(0));
            double ssrR = u.Column(0).DotProduct(u.Column(0));
            double wald = (ssrR - ssrU) / (ssrU / s.N);
            return (wald / s.L2 * df / s.N, wald, df);
        }
        double robust = ctx.RobustWald(z, resid, pi, 1.0);
        return (robust / factor / s.L2, robust, df);
    }

    private static List<(double, double)> Invert(Func<double, double> g, double centre, double scale)
    {
        const int steps = 4000;
        double At(double theta) => centre + scale * Math.Tan(theta);
        var thetas = Enumerable.Range(1, steps - 1).Select(i => -Math.PI / 2 + Math.PI * i / steps).ToArray();
        var inside = thetas.Select(t => g(At(t)) <= 0).ToArray();
        var sets = new List<(double, double)>();
        double? start = inside[0] ? double.NegativeInfinity : null;
        for (int i = 1; i < thetas.Length; i++)
        {
            if (inside[i] == inside[i - 1]) continue;
            double a = thetas[i - 1], b = thetas[i], ga = g(At(a));
            for (int it = 0; it < 80; it++)
            {
                double m = 0.5 * (a + b), gm = g(At(m));
                if ((gm <= 0) == (ga <= 0)) { a = m; ga = gm; } else b = m;
            }
            double edge = At(0.5 * (a + b));
            if (inside[i]) start = edge;
            else { sets.Add((start!.Value, edge)); start = null; }
        }
        if (start is double open) sets.Add((open, double.PositiveInfinity));
        return sets;
    }
}
