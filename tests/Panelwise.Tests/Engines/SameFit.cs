using Panelwise.Results;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The one comparison of a pushed-down fit with a reference fit of the same rows (in memory, or another
/// push-down path): the same sample, degrees of freedom, terms and dropped terms and notes word for word (less the codes
/// in skipNotes, which the engine words differently), and coefficients, standard errors, R², within R², SSR and RMSE to
/// <c>tolerance</c> relative.</summary>
internal static class SameFit
{
    public static void Equal(RegressionResult expected, RegressionResult actual, double tolerance, string[]? skipNotes = null)
    {
        Assert.Equal(expected.Nobs, actual.Nobs);
        Assert.Equal(expected.DfResidual, actual.DfResidual);
        Assert.Equal(expected.Vcov.KUsed, actual.Vcov.KUsed);
        Assert.Equal(expected.Vcov.DfResidual, actual.Vcov.DfResidual);
        Assert.Equal(expected.Coefficients.Select(c => c.Term), actual.Coefficients.Select(c => c.Term));
        Assert.Equal(expected.Fit.DroppedTerms, actual.Fit.DroppedTerms);
        for (int j = 0; j < expected.Coefficients.Count; j++)
        {
            Close(expected.Coefficients[j].Estimate, actual.Coefficients[j].Estimate, tolerance);
            Close(expected.Coefficients[j].StdError, actual.Coefficients[j].StdError, tolerance);
        }
        Close(expected.R2, actual.R2, tolerance);
        Close(expected.R2Within!.Value, actual.R2Within!.Value, tolerance);
        Close(expected.Ssr, actual.Ssr, tolerance);
        Close(expected.Rmse, actual.Rmse, tolerance);
        string Notes(RegressionResult r) => string.Join("\n", r.Notes.Where(n => !(skipNotes ?? []).Contains(n.Code)).Select(n => n.Text));
        Assert.Equal(Notes(expected), Notes(actual));
    }

    public static void Close(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
