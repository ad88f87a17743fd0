using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Estimation;

/// <summary>Issue 15: multiplying one regressor (or instrument) by any power of ten that keeps it finite multiplies its
/// coefficient and standard error by the inverse factor and leaves t, R² and every other coefficient unchanged, on
/// Grunfeld (10 firms x 20 years), for OLS, weights, HC0-3, clustering, absorbed fixed effects and IV.</summary>
public sealed class ScaleEquivarianceTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<double> Factors => [1e-300, 1e-200, 1e-100, 1e-7, 1e7, 1e100, 1e200, 1e300];

    private static readonly Lazy<Frame> Grunfeld = new(() =>
    {
        var f = Panelwise.IO.DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var firm = f.Numeric("firm").Values;
        var year = f.Numeric("year").Values;
        var capital = f.Numeric("capital").Values;
        var value = f.Numeric("value").Values;
        // An instrument for capital (deterministic noise) and analytic weights.
        var z = capital.Select((c, i) => 0.6 * c + 0.05 * value[i] + 40 * Math.Sin(3.7 * i)).ToArray();
        var w = firm.Select((g, i) => 1 + (g % 3) + 0.25 * (year[i] % 2)).ToArray();
        return f.With(new NumericColumn("z", z)).With(new NumericColumn("w", w));
    });

    private static Frame Scaled(string column, double factor) =>
        Grunfeld.Value.With(new NumericColumn(column, Grunfeld.Value.Numeric(column).Values.Select(v => v * factor).ToArray()));

    private static void Same(RegressionResult a, RegressionResult b, string scaled, double factor)
    {
        Assert.Equal(a.Coefficients.Select(c => c.Term), b.Coefficients.Select(c => c.Term));
        foreach (var row in a.Coefficients)
        {
            var other = b[row.Term]!;
            double k = row.Term == scaled ? 1 / factor : 1;
            Close(row.Estimate * k, other.Estimate, $"{row.Term} estimate");
            Close(row.StdError * k, other.StdError, $"{row.Term} SE");
            Close(row.Statistic, other.Statistic, $"{row.Term} t");
        }
        Close(a.R2, b.R2, "R2");
        Close(a.Fit.Ssr, b.Fit.Ssr, "SSR");
        if (a.FTest is { } f) Close(f.Statistic, b.FTest!.Statistic, "F");
    }

    private static void Close(double expected, double actual, string what)
    {
        Assert.True(double.IsFinite(actual), $"{what}: {actual}");
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static void Check(string formula, FitOptions options, string column, double factor, string? term = null)
    {
        var a = Regression.Fit(Grunfeld.Value, formula, options)[0];
        var b = Regression.Fit(Scaled(column, factor), formula, options)[0];
        Same(a, b, term ?? column, factor);
    }

    [Theory, MemberData(nameof(Factors))]
    public void OlsIidAndHc(double factor)
    {
        foreach (var vcov in new[] { VcovSpec.Iid, VcovSpec.Heteroskedastic(0), VcovSpec.Heteroskedastic(1), VcovSpec.Heteroskedastic(2), VcovSpec.Heteroskedastic(3) })
        {
            Check("inv ~ value + capital", new FitOptions { Vcov = vcov }, "capital", factor);
            Check("inv ~ value + capital", new FitOptions { Vcov = vcov }, "value", factor);
        }
    }

    [Theory, MemberData(nameof(Factors))]
    public void WeightedAndClustered(double factor) =>
        Check("inv ~ value + capital", new FitOptions { Vcov = VcovSpec.Cluster("firm"), Weights = "w" }, "capital", factor);

    [Theory, MemberData(nameof(Factors))]
    public void AbsorbedFixedEffects(double factor)
    {
        Check("inv ~ value + capital | firm + year", new FitOptions { Vcov = VcovSpec.Cluster("firm") }, "capital", factor);
        Check("inv ~ value + capital | firm", new FitOptions { Vcov = VcovSpec.Iid, Weights = "w" }, "value", factor);
    }

    [Theory]
    [InlineData(IvEstimatorKind.TwoStageLeastSquares, 1e-300)]
    [InlineData(IvEstimatorKind.Liml, 1e300)]
    [InlineData(IvEstimatorKind.TwoStepGmm, 1e-200)]
    public void InstrumentalVariables(IvEstimatorKind kind, double factor)
    {
        var options = new FitOptions { Vcov = VcovSpec.Heteroskedastic(1), Iv = new IvOptions { Estimator = kind } };
        // IV fits compute every weak-instrument diagnostic, which is slow under load: one scaled column per estimator.
        if (kind == IvEstimatorKind.TwoStageLeastSquares) Check("inv ~ value | capital ~ z", options, "capital", factor);
        if (kind == IvEstimatorKind.Liml) Check("inv ~ value | capital ~ z", options, "z", factor, term: "none");
        if (kind == IvEstimatorKind.TwoStepGmm) Check("inv ~ value | firm | capital ~ z", options with { Vcov = VcovSpec.Cluster("firm") }, "value", factor);
    }

    [Fact]
    public void ASingleHugeRegressorValueGivesFiniteNumbers()
    {
        var capital = (double[])Grunfeld.Value.Numeric("capital").Values.Clone();
        capital[17] = 1e308;
        var r = Regression.Fit(Grunfeld.Value.With(new NumericColumn("capital", capital)), "inv ~ value + capital",
            new FitOptions { Vcov = VcovSpec.Heteroskedastic(1) })[0];
        Assert.All(r.Coefficients, c => Assert.True(double.IsFinite(c.Estimate) && double.IsFinite(c.StdError) && c.StdError > 0, c.Term));
        Assert.True(double.IsFinite(r.R2));
    }

    [Fact]
    public void ResponseWhoseSquaresOverflowIsAnError()
    {
        var ex = Assert.Throws<EstimationException>(() => Regression.Fit(Scaled("inv", 1e200), "inv ~ value + capital", new FitOptions())[0]);
        Assert.Equal("inv", ex.Term);
        Assert.Contains("Divide 'inv' by a power of ten", ex.Message);
        Assert.Throws<EstimationException>(() => Regression.Fit(Scaled("inv", 1e200), "inv ~ value | capital ~ z", new FitOptions())[0]);
    }
}
