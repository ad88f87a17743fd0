using Panelwise.Data;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary>The instruments dimension: an instrumented specification is <c>y ~ controls | fe | x ~ z</c> and must equal
/// <see cref="Regression.Fit(Frame, string, FitOptions?)"/> of that formula (itself tested against ivreg2/fixest
/// elsewhere) at 1e-10 relative, under iid, hc1 and clustered covariances, with and without fixed effects, in a grid
/// that mixes OLS (<c>none</c>) and instrument sets. The panel has an endogenous x (its error shares a component with
/// y's), two instruments and a control with missing values, so samples differ between specifications.</summary>
public class MultiverseIvTests
{
    private static Frame Panel()
    {
        var rng = new Random(424242);
        int units = 40, years = 6, n = units * years;
        double[] id = new double[n], year = new double[n], x = new double[n], z1 = new double[n], z2 = new double[n],
            c1 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i / years + 1;
            year[i] = 2016 + i % years;
            z1[i] = rng.NextDouble();
            z2[i] = rng.NextDouble();
            double u = rng.NextDouble() - 0.5;
            x[i] = 0.8 * z1[i] + 0.5 * z2[i] + u + 0.05 * id[i] + rng.NextDouble();
            double c = rng.NextDouble();
            c1[i] = i % 13 == 5 ? double.NaN : c;
            y[i] = 0.7 * x[i] + 0.3 * c + 2 * u + 0.02 * id[i] + rng.NextDouble();
        }
        return new Frame([new NumericColumn("id", id), new NumericColumn("year", year), new NumericColumn("x", x),
            new NumericColumn("z1", z1), new NumericColumn("z2", z2), new NumericColumn("c1", c1), new NumericColumn("y", y)], "iv.csv");
    }

    private static readonly FitOptions Options = new() { Panel = ("id", "year") };

    private static MultiverseSpec Spec() => new()
    {
        Outcomes = ["y"],
        FocalTerms = ["x", "l(x, 1)"],
        Instruments = ["none", "z1", "z1 + z2"],
        ControlSets = ["none", "c1"],
        FixedEffectSets = ["none", "id", "id + year"],
        Vcovs = ["iid", "hc1", "cluster:id"],
        Exclusions = ["iv = none & fe = none"],
    };

    [Fact]
    public void Every_instrumented_specification_equals_its_own_regression_fit()
    {
        var frame = Panel();
        var result = Multiverse.Run(frame, Spec(), Options);
        Assert.Equal(2 * 3 * 2 * 3 * 3 - 2 * 2 * 3, result.Estimates.Count);
        // The exclusion on iv leaves out exactly the OLS specifications without fixed effects.
        Assert.DoesNotContain(result.Estimates, e => !e.Spec.IsInstrumented && e.Spec.FixedEffects == "none");
        Assert.Contains(result.Estimates, e => e.Spec.IsInstrumented && e.Spec.FixedEffects == "none");
        // Covariances still share one fit each (no cluster column drops rows), instrumented or not.
        Assert.Equal(result.Estimates.Count / 3, result.FitCount);
        foreach (var e in result.Estimates)
            AssertEqualsRegressionFit(frame, e, Options);
        var instrumented = result.Estimates.Where(e => e.Spec.IsInstrumented).ToList();
        Assert.Equal(2 * 2 * 2 * 3 * 3, instrumented.Count);
        Assert.All(instrumented, e => Assert.Contains($"| {e.Spec.Focal} ~ {e.Spec.Instruments}", e.Spec.Formula));
        Assert.Equal("y ~ 1 | x ~ z1", instrumented[0].Spec.Formula);
        // Instrumenting moves the estimate: OLS and 2SLS of the same model differ.
        var ols = result.Estimates.First(e => !e.Spec.IsInstrumented && e.Spec.Focal == "x" && e.Spec.FixedEffects == "id");
        var iv = result.Estimates.First(e => e.Spec.Instruments == "z1 + z2" && e.Spec.Focal == "x" && e.Spec.FixedEffects == "id"
            && e.Spec.Controls == ols.Spec.Controls && e.Spec.Vcov == ols.Spec.Vcov);
        Assert.True(Math.Abs(ols.Estimate - iv.Estimate) > 1e-3, $"{ols.Estimate} vs {iv.Estimate}");
        // The lag loses each unit's first year, c1 every 13th row.
        Assert.Equal(4, result.Estimates.Select(e => e.Nobs).Distinct().Count());
    }

    [Fact]
    public void Options_iv_estimator_is_used_by_instrumented_specifications()
    {
        var frame = Panel();
        var options = Options with { Iv = new IvOptions { Estimator = IvEstimatorKind.Liml } };
        var spec = Spec() with { FocalTerms = ["x"], Instruments = ["z1 + z2"], Exclusions = [] };
        var result = Multiverse.Run(frame, spec, options);
        Assert.Equal(2 * 3 * 3, result.Estimates.Count);
        foreach (var e in result.Estimates) AssertEqualsRegressionFit(frame, e, options);
        var tsls = Multiverse.Run(frame, spec, Options);
        Assert.True(Math.Abs(tsls.Estimates[0].Estimate - result.Estimates[0].Estimate) > 1e-8);
    }

    /// <summary>OLS fits with one sample share a design; instrumented fits in the same unit are each fitted alone.</summary>
    [Fact]
    public void Instrumented_fits_are_fitted_alone_beside_shared_ols_designs()
    {
        var frame = Panel();
        var spec = new MultiverseSpec
        {
            Outcomes = ["y"], FocalTerms = ["x"], Instruments = ["none", "z1", "z2"], ControlSets = ["none", "z2"],
            FixedEffectSets = ["id"], Vcovs = ["iid", "hc1"], Exclusions = ["iv = z2 & controls = z2"],
        };
        var result = Multiverse.Run(frame, spec, Options);
        Assert.Equal(10, result.Estimates.Count);
        Assert.Equal(5, result.FitCount);
        // One shared design for the two OLS fits (same sample), one design per instrumented fit.
        Assert.Equal(1 + 3, result.DesignCount);
        foreach (var e in result.Estimates) AssertEqualsRegressionFit(frame, e, Options);
    }

    [Fact]
    public void Ols_only_multiverse_is_unchanged_by_the_new_dimension()
    {
        var frame = Panel();
        var spec = Spec() with { Instruments = ["none"], Exclusions = [] };
        Assert.DoesNotContain(MultiverseDimension.Instruments, spec.Used());
        Assert.Contains(MultiverseDimension.Instruments, Spec().Used());
        var result = Multiverse.Run(frame, spec, Options);
        Assert.All(result.Estimates, e => Assert.Equal($"y ~ {e.Spec.Focal}", e.Spec.Formula.Split(" + ")[0].Split(" | ")[0]));
        foreach (var e in result.Estimates.Where((_, i) => i % 5 == 0)) AssertEqualsRegressionFit(frame, e, Options);
    }

    [Fact]
    public void A_bad_instrument_is_a_user_error_naming_the_specification()
    {
        var spec = Spec() with { Instruments = ["none", "z1 + nosuch"], Exclusions = [] };
        var ex = Assert.Throws<UserInputException>(() => Multiverse.Run(Panel(), spec, Options));
        Assert.Contains("nosuch", ex.Message);
        // The first instrumented specification: after none's 2 x 3 x 3 for x.
        Assert.Contains("Specification 19 (y ~ 1 | x ~ z1 + nosuch", ex.Message);
    }

    [Fact]
    public void Exclusions_and_baseline_name_the_iv_dimension()
    {
        var spec = Spec() with { Exclusions = ["iv = z9"] };
        var ex = Assert.Throws<UserInputException>(() => Multiverse.Run(Panel(), spec, Options));
        Assert.Contains("'z9' is not a choice of iv", ex.Message);
        var baseline = Spec() with { Baseline = "instruments = z1+z2 & fe = id" };
        var result = Multiverse.Run(Panel(), baseline, Options);
        var chosen = result.Baseline!;
        Assert.Equal(("z1 + z2", "id", "x", "none", "iid"), (chosen.Spec.Instruments, chosen.Spec.FixedEffects, chosen.Spec.Focal, chosen.Spec.Controls, chosen.Spec.Vcov));
    }

    private static void AssertEqualsRegressionFit(Frame frame, SpecificationEstimate e, FitOptions options)
    {
        Assert.Equal(e.Spec.Focal.Replace(" ", ""), e.Term.Replace(" ", ""));
        RegressionFitOracle.AssertEqualsRegressionFit(frame, e, options);
    }
}
