using FsCheck;
using FsCheck.Fluent;
using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;
using Xunit;

namespace Panelwise.Tests.Estimation;

/// <summary>Invariances of least squares, checked on random small panels (FsCheck).</summary>
public class EstimatorPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(40);

    [Fact]
    public void AddingAConstantToYChangesOnlyTheIntercept() =>
        Check.One(Runs, Prop.ForAll(Seeds(), (int seed) =>
        {
            var (y, x1, x2, _, _) = RandomPanel.Make(seed, 12, 5);
            var a = Fit(y, [x1, x2], []);
            var shifted = y.Select(v => v + 7.5).ToArray();
            var b = Fit(shifted, [x1, x2], []);
            Close(a["x1"]!.Estimate, b["x1"]!.Estimate);
            Close(a["x2"]!.Estimate, b["x2"]!.Estimate);
            Close(a["x1"]!.StdError, b["x1"]!.StdError);
            Close(a["_cons"]!.Estimate + 7.5, b["_cons"]!.Estimate);
        }));

    [Fact]
    public void ScalingARegressorScalesItsCoefficient() =>
        Check.One(Runs, Prop.ForAll(Seeds(), (int seed) =>
        {
            var (y, x1, x2, _, _) = RandomPanel.Make(seed, 12, 5);
            var a = Fit(y, [x1, x2], []);
            var b = Fit(y, [x1.Select(v => v * 4).ToArray(), x2], []);
            Close(a["x1"]!.Estimate / 4, b["x1"]!.Estimate);
            Close(a["x1"]!.StdError / 4, b["x1"]!.StdError);
            Close(a["x1"]!.Statistic, b["x1"]!.Statistic);
        }));

    [Fact]
    public void AbsorbingFixedEffectsEqualsTheDummyVariableRegression() =>
        Check.One(Runs, Prop.ForAll(Seeds(), (int seed) =>
        {
            var (y, x1, x2, unit, time) = RandomPanel.Make(seed, 9, 6);
            var absorbed = Fit(y, [x1, x2], [unit, time], VcovSpec.Iid);
            var dummies = new List<double[]> { x1, x2 };
            dummies.AddRange(Dummies(unit, skipFirst: true));
            dummies.AddRange(Dummies(time, skipFirst: true));
            var lsdv = Fit(y, dummies, []);
            Close(lsdv["x1"]!.Estimate, absorbed["x1"]!.Estimate);
            Close(lsdv["x2"]!.Estimate, absorbed["x2"]!.Estimate);
            Close(lsdv["x1"]!.StdError, absorbed["x1"]!.StdError);
            Close(lsdv.Fit.Ssr, absorbed.Fit.Ssr);
            Close(lsdv.DfResidual, absorbed.DfResidual);
        }));

    private static Arbitrary<int> Seeds() => ArbMap.Default.ArbFor<int>();

    private static RegressionResult Fit(double[] y, List<double[]> xs, List<FixedEffect> fes, VcovSpec? vcov = null)
    {
        var problem = new LinearProblem
        {
            ResponseName = "y",
            Response = (double[])y.Clone(),
            RegressorNames = xs.Select((_, i) => i < 2 ? $"x{i + 1}" : $"d{i}").ToList(),
            Regressors = xs.Select(x => (double[])x.Clone()).ToList(),
            FixedEffects = fes,
        };
        var options = new EstimationOptions { Absorb = new AbsorbOptions { Tolerance = 1e-13 }, DropSingletons = false };
        return RegressionResult.Create(LinearEstimator.Fit(problem, options), vcov ?? VcovSpec.Iid);
    }

    private static IEnumerable<double[]> Dummies(FixedEffect fe, bool skipFirst)
    {
        for (int l = skipFirst ? 1 : 0; l < fe.Levels; l++)
            yield return fe.Codes.Select(c => c == l ? 1.0 : 0.0).ToArray();
    }

    private static void Close(double expected, double actual)
    {
        double tol = 1e-7 * Math.Max(1, Math.Abs(expected));
        if (Math.Abs(expected - actual) > tol)
            throw new Xunit.Sdk.XunitException($"expected {expected:R}, got {actual:R}");
    }
}

/// <summary>A random unbalanced panel: y = x1 - 0.5 x2 + unit + time effects + noise, a few cells missing.</summary>
internal static class RandomPanel
{
    public static (double[] Y, double[] X1, double[] X2, FixedEffect Unit, FixedEffect Time) Make(int seed, int units, int periods)
    {
        var rng = new Random(seed);
        var y = new List<double>(); var x1 = new List<double>(); var x2 = new List<double>();
        var u = new List<int>(); var t = new List<int>();
        var alpha = Enumerable.Range(0, units).Select(_ => rng.NextDouble() * 4).ToArray();
        for (int i = 0; i < units; i++)
            for (int p = 0; p < periods; p++)
            {
                if (p > 0 && rng.NextDouble() < 0.15) continue;
                double a = rng.NextDouble() + alpha[i] * 0.3, b = rng.NextDouble() * 3;
                x1.Add(a); x2.Add(b); u.Add(i); t.Add(p);
                y.Add(a - 0.5 * b + alpha[i] + 0.2 * p + rng.NextDouble());
            }
        var units2 = new FixedEffect("unit", u.ToArray(), units);
        var time = new FixedEffect("time", t.ToArray(), periods);
        return (y.ToArray(), x1.ToArray(), x2.ToArray(), units2, time);
    }
}
