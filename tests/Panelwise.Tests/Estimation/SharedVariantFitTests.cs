using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Tests.SpecificationCurve;
using Xunit;

namespace Panelwise.Tests.Estimation;

/// <summary>Multiple estimation absorbs the variants that share fixed effects and sample once; every variant must still
/// equal the same model fitted as a formula of its own (itself tested against fixest and Stata elsewhere): every
/// coefficient, standard error, R², the sample and the notes. The panel's control c1 has missing values, so csw0 gives
/// two samples, and c3 = 2 c2 is dropped as collinear.</summary>
public class SharedVariantFitTests
{
    [Theory]
    [InlineData("y1 ~ x + csw0(c1, c2, c3) | sw(id, id + year)", "cluster:id", null)]
    [InlineData("y1 ~ y2 + csw0(x, c2, c3, i(grp))", "hc1", "w")]
    [InlineData("y2 ~ l(x, 1) + csw(x, c2, c3) | sw(id, year)", "iid", null)]
    public void Each_variant_equals_its_own_fit(string formula, string vcov, string? weights)
    {
        var frame = MultiverseTests.Panel();
        var options = new FitOptions { Panel = ("id", "year"), Vcov = VcovSpec.Parse(vcov), Weights = weights };
        var results = Regression.Fit(frame, formula, options);
        Assert.True(results.Count >= 4);
        // Shared absorption: variants of one sample hold the same absorbed intercept column, not copies.
        var absorbed = results.Select(r => r.Fit.Columns[r.Fit.Terms.ToList().IndexOf("_cons")]).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.True(absorbed < results.Count, $"{absorbed} absorbed designs for {results.Count} variants");
        foreach (var result in results)
        {
            var alone = Regression.Fit(frame, result.Fit.Formula, options).Single();
            Assert.Equal(alone.Nobs, result.Nobs);
            Assert.Equal(alone.Fit.Terms, result.Fit.Terms);
            Assert.Equal(alone.Fit.DroppedTerms, result.Fit.DroppedTerms);
            Assert.Equal(alone.Notes.Select(n => n.Text), result.Notes.Select(n => n.Text));
            Close(alone.R2, result.R2, result.Fit.Formula);
            Close(alone.AdjR2, result.AdjR2, result.Fit.Formula);
            foreach (var row in alone.Coefficients)
            {
                var shared = result[row.Term]!;
                Close(row.Estimate, shared.Estimate, $"{result.Fit.Formula} {row.Term}");
                Close(row.StdError, shared.StdError, $"{result.Fit.Formula} {row.Term}");
                Close(row.PValue, shared.PValue, $"{result.Fit.Formula} {row.Term}");
            }
        }
    }

    [Fact]
    public void A_failing_variant_is_reported_as_when_fitted_one_by_one()
    {
        var frame = MultiverseTests.Panel();
        var ex = Assert.ThrowsAny<UserInputException>(() => Regression.Fit(frame, "y1 ~ csw0(x, y1) | id", new FitOptions()));
        Assert.Contains("'y1' is also a regressor", ex.Message);
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual} vs {expected}");
}
