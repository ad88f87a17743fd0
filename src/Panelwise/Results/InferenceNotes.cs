using Panelwise.Estimation;
using Panelwise.Inference;

namespace Panelwise.Results;

/// <summary>Says in a note when a fit is valid but its inference degenerates, instead of printing NaN or infinite t
/// statistics without a word: an exact fit (SSR ≤ 1e-24·TSS, i.e. residuals below 1e-12 of the response's spread:
/// every standard error is 0 up to rounding, Stata shows t and P as missing), and coefficients whose variance is zero
/// or negative under the chosen covariance (multi-way clustering, V_A + V_B - V_AB, need not be positive
/// semi-definite). In those rows t and p are left empty (NaN in the result, null in JSON, "." in the table).</summary>
internal static class InferenceNotes
{
    /// <summary>Relative SSR below which the fit is exact to rounding.</summary>
    public const double ExactFitRatio = 1e-24;

    public static bool IsExactFit(LinearFit fit) => fit.Ssr <= ExactFitRatio * (fit.FixedEffects.Count > 0 && double.IsFinite(fit.TssWithin) ? fit.TssWithin : fit.Tss);

    /// <summary>True when the row's t and p cannot be reported.</summary>
    public static bool NoStatistic(LinearFit fit, double variance) => IsExactFit(fit) || !(variance > 0);

    /// <summary>The fit with the notes that explain empty t and p values, when there are any.</summary>
    public static LinearFit Annotate(LinearFit fit, VcovResult vcov)
    {
        var notes = new List<Note>();
        if (IsExactFit(fit))
            notes.Add(new Note(NoteKind.Inference, "exact_fit", $"The regressors fit {fit.ResponseName} exactly (SSR = {fit.Ssr:g3}): standard errors are 0 up to rounding, " +
                      "so t statistics, p-values and the F test are not reported. Check that no regressor is a copy or a function of the response.", [fit.ResponseName]));
        else
        {
            var negative = new List<string>();
            var zero = new List<string>();
            for (int j = 0; j < fit.K; j++)
            {
                double v = vcov.Matrix[j, j];
                if (v < 0) negative.Add(fit.Terms[j]);
                else if (!(v > 0)) zero.Add(fit.Terms[j]);
            }
            if (negative.Count > 0)
                notes.Add(new Note(NoteKind.Inference, "negative_variance", $"The covariance ({vcov.Spec}) gives a negative variance for {string.Join(", ", negative)}: it is not positive " +
                          "semi-definite (multi-way clustering V_A + V_B - V_AB can do that with few clusters), so their standard errors, t and p are not reported. " +
                          "Cluster by one variable or use more clusters.", negative));
            if (zero.Count > 0)
                notes.Add(new Note(NoteKind.Inference, "zero_variance", $"The covariance ({vcov.Spec}) gives a zero variance for {string.Join(", ", zero)}, so t and p are not reported for them.", zero));
        }
        return notes.Count == 0 ? fit : fit with { Notes = [.. fit.Notes, .. notes] };
    }
}
