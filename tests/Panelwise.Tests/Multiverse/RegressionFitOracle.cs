using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary>The multiverse's contract: each specification's focal row equals <see cref="Regression.Fit(Frame, string, FitOptions?)"/>
/// of its formula alone, under its covariance and sample filter, at 1e-10 relative (estimate, SE, p, CI) and in nobs.</summary>
internal static class RegressionFitOracle
{
    public static void AssertEqualsRegressionFit(Frame frame, SpecificationEstimate e, FitOptions options)
    {
        var reference = Regression.Fit(frame, e.Spec.Formula, options with { Vcov = VcovSpec.Parse(e.Spec.Vcov), If = e.Spec.Filter })[0];
        var row = reference[e.Term]!;
        string what = Multiverse.Describe(e.Spec);
        Close(row.Estimate, e.Estimate, what);
        Close(row.StdError, e.StdError, what);
        Close(row.PValue, e.PValue, what);
        Close(row.ConfLow, e.ConfLow, what);
        Close(row.ConfHigh, e.ConfHigh, what);
        Assert.Equal(reference.Nobs, e.Nobs);
    }

    public static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual} vs {expected}");
}
