using MathNet.Numerics.LinearAlgebra;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Methods.Mediation;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Mediation;

/// <summary>Baron-Kenny mediation against OLS computed here by the normal equations, with iid s² = SSR/(N-K).</summary>
public class MediationTests
{
    /// <summary>x → m → y with a = 0.5, b = 0.4, direct 0.3 and a control c; 5% of y missing (so the common sample matters).</summary>
    private static Frame Simulate(int n, int seed, bool missing = true)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] x = new double[n], m = new double[n], y = new double[n], c = new double[n], g = new double[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = Normal();
            x[i] = Normal() + 0.3 * c[i];
            m[i] = 0.5 * x[i] + 0.2 * c[i] + Normal();
            y[i] = missing && i % 20 == 7 ? double.NaN : 0.3 * x[i] + 0.4 * m[i] - 0.1 * c[i] + Normal();
            g[i] = i % 40;
        }
        return new Frame([new NumericColumn("x", x), new NumericColumn("m", m), new NumericColumn("y", y),
            new NumericColumn("c", c), new NumericColumn("g", g), new NumericColumn("m2", m.Select((v, i) => 0.7 * v + c[i] * x[i]).ToArray())]);
    }

    /// <summary>Coefficients and iid standard errors of y on [1, columns], over rows where keep is true.</summary>
    private static (double[] B, double[] Se) Ols(double[] y, bool[] keep, params double[][] columns)
    {
        int[] rows = Enumerable.Range(0, y.Length).Where(i => keep[i]).ToArray();
        var x = Matrix<double>.Build.Dense(rows.Length, columns.Length + 1, (i, j) => j == 0 ? 1 : columns[j - 1][rows[i]]);
        var v = Vector<double>.Build.Dense(rows.Length, i => y[rows[i]]);
        var inverse = (x.Transpose() * x).Inverse();
        var b = inverse * x.Transpose() * v;
        var e = v - x * b;
        double s2 = e.DotProduct(e) / (rows.Length - x.ColumnCount);
        return (b.ToArray(), Enumerable.Range(0, x.ColumnCount).Select(j => Math.Sqrt(s2 * inverse[j, j])).ToArray());
    }

    [Fact]
    public void StepsMatchHandComputedOls()
    {
        var frame = Simulate(300, 7);
        double[] x = frame.Numeric("x").Values, m = frame.Numeric("m").Values, y = frame.Numeric("y").Values, c = frame.Numeric("c").Values;
        var keep = y.Select(v => !double.IsNaN(v)).ToArray();
        var total = Ols(y, keep, x, c);
        var a = Ols(m, keep, x, c);
        var outcome = Ols(y, keep, x, m, c);
        var r = MediationAnalysis.Run(frame, new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m"], Controls = "c" });
        var one = Assert.Single(r.Each);
        Assert.Equal(285, r.Nobs);
        Assert.Equal(total.B[1], one.Total.Estimate, 10);
        Assert.Equal(total.Se[1], one.Total.StdError, 10);
        Assert.Equal(a.B[1], one.A.Estimate, 10);
        Assert.Equal(a.Se[1], one.A.StdError, 10);
        Assert.Equal(outcome.B[2], one.B.Estimate, 10);
        Assert.Equal(outcome.Se[2], one.B.StdError, 10);
        Assert.Equal(outcome.B[1], one.Direct.Estimate, 10);
        double ab = a.B[1] * outcome.B[2], sa = a.Se[1], sb = outcome.Se[2], bb = outcome.B[2], aa = a.B[1];
        Assert.Equal(ab, one.Indirect.Estimate, 12);
        Assert.Equal(ab / Math.Sqrt(bb * bb * sa * sa + aa * aa * sb * sb), one.Sobel.Z, 10);
        Assert.Equal(ab / Math.Sqrt(bb * bb * sa * sa + aa * aa * sb * sb + sa * sa * sb * sb), one.Aroian.Z, 10);
        Assert.Equal(ab / Math.Sqrt(bb * bb * sa * sa + aa * aa * sb * sb - sa * sa * sb * sb), one.Goodman.Z, 10);
        Assert.Equal(ab / total.B[1], one.Share, 10);
        // OLS on one sample decomposes the total effect exactly: c = c' + a·b.
        Assert.Equal(one.Total.Estimate, one.Direct.Estimate + one.Indirect.Estimate, 12);
    }

    [Fact]
    public void SeveralMediatorsDecomposeTheTotalEffectJointly()
    {
        var r = MediationAnalysis.Run(Simulate(300, 8), new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m", "m2"], Controls = "c" });
        Assert.Equal(2, r.Each.Count);
        var joint = r.Joint!;
        Assert.Equal(joint.Total.Estimate, joint.Direct.Estimate + joint.Indirect.Estimate, 12);
        Assert.Equal(joint.Indirect.Estimate, joint.Paths.Sum(p => p.Indirect.Estimate), 12);
        Assert.True(joint.Indirect.StdError > 0);
    }

    [Fact]
    public void BootstrapIsReproducibleWithASeed()
    {
        var frame = Simulate(200, 9);
        MediationResult Run(int seed) => MediationAnalysis.Run(frame, new MediationSpec
        {
            Outcome = "y", Treatment = "x", Mediators = ["m"], Controls = "c", BootstrapReps = 50, Seed = seed,
        }, new FitOptions { Vcov = VcovSpec.Cluster("g") });
        var first = Run(1).Each[0].Bootstrap!;
        Assert.Equal(first, Run(1).Each[0].Bootstrap);
        Assert.NotEqual(first.Low, Run(2).Each[0].Bootstrap!.Low);
        Assert.Equal(50, first.Reps);
        Assert.Equal("clusters of g", Run(1).Resampling);
    }

    [Fact]
    public void BootstrapStandardErrorAgreesWithSobelOnALargeSample()
    {
        // With n = 2000 the delta method is accurate; 200 replications estimate the SE within about 5% (sd ≈ SE/√(2B)).
        var r = MediationAnalysis.Run(Simulate(2000, 10, missing: false), new MediationSpec
        {
            Outcome = "y", Treatment = "x", Mediators = ["m"], BootstrapReps = 200, Seed = 3,
        }, new FitOptions { Vcov = VcovSpec.Heteroskedastic(1) });
        var one = r.Each[0];
        Assert.InRange(one.Bootstrap!.StdError / one.Indirect.StdError, 0.85, 1.15);
        Assert.InRange(one.Indirect.Estimate, one.Bootstrap.Low, one.Bootstrap.High);
        Assert.InRange(one.Bootstrap.Low, one.Indirect.Estimate - 2.3 * one.Indirect.StdError, one.Indirect.Estimate - 1.6 * one.Indirect.StdError);
    }

    [Theory]
    [InlineData("x", "the treatment itself")]
    [InlineData("y", "the outcome itself")]
    public void ImpossibleMediatorsAreRefused(string mediator, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => MediationAnalysis.Run(Simulate(50, 1),
            new MediationSpec { Outcome = "y", Treatment = "x", Mediators = [mediator] }));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedEffectsAreAbsorbedInEveryEquation()
    {
        var r = MediationAnalysis.Run(Simulate(300, 11), new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m"], FixedEffects = "g" },
            new FitOptions { Vcov = VcovSpec.Cluster("g") });
        var one = r.Each[0];
        Assert.Equal(one.Total.Estimate, one.Direct.Estimate + one.Indirect.Estimate, 10);
        Assert.Contains("CR1", r.VcovConvention, StringComparison.Ordinal);
    }
}
