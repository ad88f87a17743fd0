using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary>Every specification of a multiverse must equal <see cref="Regression.Fit(Frame, string, FitOptions?)"/> of
/// the same model, covariance and filter (itself tested against R fixest/sandwich elsewhere), at 1e-10 relative:
/// the multiverse shares one fit between covariances and runs fits in parallel, neither of which may change a number.
/// The panel has a control and a cluster column with missing values (so samples differ between specifications and a
/// clustering drops rows) and units observed once in the short sample (singletons under fixed effects).</summary>
public class MultiverseTests
{
    internal static Frame Panel()
    {
        var rng = new Random(20261207);
        int units = 30, years = 8, n = units * years;
        double[] id = new double[n], year = new double[n], x = new double[n], c1 = new double[n], c2 = new double[n],
            y1 = new double[n], y2 = new double[n], region = new double[n], c3 = new double[n], grp = new double[n], w = new double[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i / years + 1;
            year[i] = 2015 + i % years;
            x[i] = rng.NextDouble() * 2 + 0.1 * id[i];
            c1[i] = i % 17 == 3 ? double.NaN : rng.NextDouble();
            c2[i] = rng.NextDouble() + 0.3 * x[i];
            y1[i] = 0.5 * x[i] + 0.2 * c1[i] - 0.1 * c2[i] + 0.05 * id[i] + rng.NextDouble();
            y2[i] = -0.3 * x[i] + 0.4 * c2[i] + rng.NextDouble();
            region[i] = id[i] % 7 == 0 && year[i] == 2016 ? double.NaN : id[i] % 5;
            c3[i] = 2 * c2[i];
            grp[i] = i % 4;
            w[i] = 1 + i % 5 * 0.3;
        }
        return new Frame([new NumericColumn("id", id), new NumericColumn("year", year), new NumericColumn("x", x),
            new NumericColumn("c1", c1), new NumericColumn("c2", c2), new NumericColumn("y1", y1), new NumericColumn("y2", y2),
            new NumericColumn("region", region), new NumericColumn("c3", c3), new NumericColumn("grp", grp), new NumericColumn("w", w)], "panel.csv");
    }

    internal static MultiverseSpec Spec() => new()
    {
        Outcomes = ["y1", "y2"],
        FocalTerms = ["x", "winsor(x, 0.05)", "l(x, 1)"],
        ControlSets = ["none", "c1", "c1 + c2"],
        FixedEffectSets = ["none", "id + year", "id"],
        Vcovs = ["cluster:id", "iid", "hc1", "cluster:region"],
        Samples = ["all", "year <= 2020"],
        Exclusions = ["x = l(x, 1) & fe = none"],
        Baseline = "controls = c1 + c2 & fe = id + year",
    };

    private static readonly FitOptions Options = new() { Panel = ("id", "year") };

    [Fact]
    public void Every_specification_equals_its_own_regression_fit()
    {
        var frame = Panel();
        var result = Multiverse.Run(frame, Spec(), Options);
        Assert.Equal(2 * 3 * 3 * 3 * 4 * 2 - 2 * 3 * 4 * 2, result.Estimates.Count);
        // Covariances share fits, except the clustering by region, whose missing values drop rows.
        Assert.Equal(result.Estimates.Count / 4 * 2, result.FitCount);
        // Fits share a design when fixed effects, filter, row-dropping clusters and sample coincide: per (fe, sample
        // filter, with or without region's rows) the samples are {x, winsor} x {none}, {x, winsor} x {c1, c1 + c2}
        // (c1 has missing values), and the same two with l(x, 1) (its first year is missing), which fe none excludes.
        Assert.Equal(2 * 2 * (2 + 4 + 4), result.DesignCount);
        foreach (var e in result.Estimates.Where((_, i) => i % 7 == 0 || i % 4 == 3)) RegressionFitOracle.AssertEqualsRegressionFit(frame, e, Options);
        // The samples do differ: missing c1, the lag, the short sample, region's missing values and singletons.
        Assert.True(result.Estimates.Select(e => e.Nobs).Distinct().Count() >= 5);
    }

    /// <summary>Shared designs with weights, a control collinear with another (dropped as in the model alone), i()
    /// dummies, an outcome that is another specification's control, and the three covariance families.</summary>
    [Fact]
    public void Shared_designs_equal_regression_fit_with_weights_collinear_and_factor_controls()
    {
        var frame = Panel();
        var options = Options with { Weights = "w" };
        var spec = new MultiverseSpec
        {
            Outcomes = ["y1", "y2"],
            FocalTerms = ["x", "c3"],
            ControlSets = ["none", "c2 + c3", "i(grp) + c1", "y2"],
            FixedEffectSets = ["none", "id", "id + year"],
            Vcovs = ["hc1", "cluster:id", "iid"],
            Exclusions = ["y = y2 & controls = y2", "x = c3 & controls = c2 + c3"],
        };
        var result = Multiverse.Run(frame, spec, options);
        Assert.True(result.DesignCount < result.FitCount / 2, $"{result.DesignCount} designs for {result.FitCount} fits");
        foreach (var e in result.Estimates) RegressionFitOracle.AssertEqualsRegressionFit(frame, e, options);
        // The collinear control is dropped in the model alone, so it is in the shared fit too.
        var collinear = result.Estimates.First(e => e.Spec.Controls == "c2 + c3");
        Assert.Contains("c3", Regression.Fit(frame, collinear.Spec.Formula, options)[0].Fit.DroppedTerms);
    }

    /// <summary>Above <see cref="Panelwise.Numerics.LeastSquares.QrRowLimit"/> rows the models are solved from blocks
    /// of one shared Gram matrix, with one residual array reused between fits: still each model's own numbers.</summary>
    [Fact]
    public void Large_shared_designs_solve_from_one_gram_matrix_as_each_model_alone()
    {
        int units = 21_000, years = 10, n = units * years;
        Assert.True(n > Panelwise.Numerics.LeastSquares.QrRowLimit);
        var rng = new Random(5);
        double[] id = new double[n], year = new double[n], x = new double[n], c1 = new double[n], c2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i / years;
            year[i] = i % years;
            x[i] = rng.NextDouble() + 0.01 * (i / years % 13);
            c1[i] = i % 101 == 0 ? double.NaN : rng.NextDouble();
            c2[i] = rng.NextDouble() + 0.5 * x[i];
            y[i] = x[i] - 0.5 * c2[i] + 0.1 * year[i] + rng.NextDouble();
        }
        var frame = new Frame([new NumericColumn("id", id), new NumericColumn("year", year), new NumericColumn("x", x),
            new NumericColumn("c1", c1), new NumericColumn("c2", c2), new NumericColumn("y", y)], "large.csv");
        var spec = new MultiverseSpec
        {
            Outcomes = ["y", "c2"], FocalTerms = ["x"], ControlSets = ["none", "year", "c1", "year + c1"],
            FixedEffectSets = ["none", "id"], Vcovs = ["cluster:id", "hc1"],
        };
        var result = Multiverse.Run(frame, spec, new FitOptions());
        Assert.Equal(4, result.DesignCount); // per fe: the samples without c1 and with it
        foreach (var e in result.Estimates) RegressionFitOracle.AssertEqualsRegressionFit(frame, e, new FitOptions());
    }

    [Fact]
    public void A_focal_term_absorbed_in_a_shared_design_names_the_first_such_specification()
    {
        var spec = Spec() with { FocalTerms = ["x", "year"], Exclusions = [] };
        int expected = SpecificationGrid.Build(spec).First(s => s.Focal == "year" && s.FixedEffects == "id + year").Number;
        var ex = Assert.ThrowsAny<UserInputException>(() => Multiverse.Run(Panel(), spec, Options));
        Assert.Contains($"Specification {expected} (", ex.Message);
        Assert.Contains("'year' has no estimate", ex.Message);
    }

    [Fact]
    public void Summary_is_computed_from_the_rows()
    {
        var result = Multiverse.Run(Panel(), Spec(), Options);
        var est = result.Estimates.Select(e => e.Estimate).Order().ToArray();
        int n = est.Length;
        Assert.Equal(n, result.Summary.SpecCount);
        Assert.Equal(n % 2 == 1 ? est[n / 2] : (est[n / 2 - 1] + est[n / 2]) / 2, result.Summary.Median);
        Assert.Equal(est[0], result.Summary.Min);
        Assert.Equal(est[^1], result.Summary.Max);
        Assert.Equal(result.Estimates.Count(e => e.Estimate > 0) / (double)n, result.Summary.SharePositive);
        Assert.Equal(result.Estimates.Count(e => e.PValue < 0.05 && e.Estimate > 0) / (double)n, result.Summary.ShareSignificantPositive05);
        Assert.Equal(result.Estimates.Count(e => e.PValue < 0.05) / (double)n, result.Summary.ShareSignificant05);
        // Baseline: y1, x, c1 + c2, id + year, cluster:id, all (first choices where it names none).
        var baseline = result.Baseline!;
        Assert.Equal(("y1", "x", "c1 + c2", "id + year", "cluster:id", "all"),
            (baseline.Spec.Outcome, baseline.Spec.Focal, baseline.Spec.Controls, baseline.Spec.FixedEffects, baseline.Spec.Vcov, baseline.Spec.Sample));
        Assert.Equal(1 + result.Estimates.Count(e => e.Estimate < baseline.Estimate || (e.Estimate == baseline.Estimate && e.Spec.Number < baseline.Spec.Number)),
            result.Summary.BaselineRank);
    }

    [Theory]
    [InlineData("x = z", "'z' is not a choice of x")]
    [InlineData("colour = red", "is not a clause")]
    [InlineData("x = x & x = l(x, 1)", "names x twice")]
    public void Bad_exclusions_are_user_errors(string exclusion, string message)
    {
        var ex = Assert.ThrowsAny<UserInputException>(() => Multiverse.Run(Panel(), Spec() with { Exclusions = [exclusion] }, Options));
        Assert.Contains(message, ex.Message);
        Assert.Contains("MultiverseSpec.Exclusions", ex.Message);
    }

    [Fact]
    public void A_failing_specification_is_named()
    {
        var ex = Assert.ThrowsAny<UserInputException>(() =>
            Multiverse.Run(Panel(), Spec() with { FocalTerms = ["x", "nosuch"], Exclusions = [] }, Options));
        Assert.Contains("Specification 73 (y1 ~ nosuch", ex.Message); // the first with the bad term: 3 controls x 3 fe x 4 vcov x 2 samples after x
        Assert.Contains("nosuch", ex.Message);
    }
}
