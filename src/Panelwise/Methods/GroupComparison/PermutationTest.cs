using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Methods.Resampling;
using Panelwise.Models;

namespace Panelwise.Methods.GroupComparison;

/// <summary>The Fisher permutation test of a coefficient difference (Efron and Tibshirani 1993, ch. 15; the
/// <c>bdiff</c> practice in Stata): the two groups' estimation samples are pooled, group labels are reshuffled B times
/// keeping the group sizes (seeded System.Random, Fisher-Yates), both models are refitted, and the p-value is the
/// share of replicates with |d*| ≥ |d|, d = b_A - b_B (two-sided; bdiff reports one-sided shares, which are at most
/// half of this when the distribution is symmetric). Replicates whose fit fails are left out and counted in a note.</summary>
internal sealed class PermutationTest(ModelSpec spec, FitOptions options, int reps, int seed)
{
    public List<Note> Notes { get; } = [];

    public IEnumerable<EqualityTest> Run(Frame frame, GroupFit a, int[] rowsA, GroupFit b, int[] rowsB, IProgress<string>? progress)
    {
        if (spec.UsesPanel() || options.Model != PanelModel.Ols)
            throw new UserInputException("The permutation test refits pooled OLS with absorbed effects: use \"| id\" instead of {Model}, and no lags.");
        var pooled = FrameResampler.Gather(frame, [.. rowsA, .. rowsB]);
        var terms = a.Result.Fit.Terms.Intersect(b.Result.Fit.Terms).ToList();
        var observed = terms.Select(t => Coefficient(a.Result, t) - Coefficient(b.Result, t)).ToArray();
        var exceed = new int[terms.Count];
        var valid = new int[terms.Count];
        var labels = new bool[pooled.RowCount];
        for (int i = 0; i < rowsA.Length; i++) labels[i] = true;
        var random = new Random(seed);
        var replicate = new FitOptions { Weights = options.Weights, Estimation = options.Estimation, Vcov = VcovSpec.Iid };
        for (int rep = 0; rep < reps; rep++)
        {
            for (int i = labels.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (labels[i], labels[j]) = (labels[j], labels[i]);
            }
            var fitA = TryFit(pooled, replicate with { ExcludedRows = labels.Select(l => !l).ToArray(), ExclusionReason = "permuted" });
            var fitB = TryFit(pooled, replicate with { ExcludedRows = (bool[])labels.Clone(), ExclusionReason = "permuted" });
            for (int t = 0; t < terms.Count; t++)
            {
                double d = fitA is null || fitB is null ? double.NaN : Coefficient(fitA, terms[t]) - Coefficient(fitB, terms[t]);
                if (double.IsNaN(d)) continue;
                valid[t]++;
                if (Math.Abs(d) >= Math.Abs(observed[t]) * (1 - 1e-12)) exceed[t]++;
            }
            if ((rep + 1) % 10 == 0 || rep + 1 == reps) progress?.Report($"permutation test {a.Group} vs {b.Group}: {rep + 1}/{reps}");
        }
        if (valid.Min() < reps) Notes.Add(new Note(NoteKind.Resampling, "failed_replications", $"permutation {a.Group} vs {b.Group}: {reps - valid.Min()} of {reps} replications failed and were left out"));
        for (int t = 0; t < terms.Count; t++)
            yield return new EqualityTest("permutation", terms[t], (a.Group, b.Group), observed[t], double.NaN, double.NaN,
                valid[t] == 0 ? double.NaN : exceed[t] / (double)valid[t]);
    }

    private Results.RegressionResult? TryFit(Frame frame, FitOptions fitOptions)
    {
        try
        {
            return Regression.FitWithRows(frame, spec, fitOptions).Result;
        }
        catch (Exception ex) when (ex is EstimationException or DataException)
        {
            return null;
        }
    }

    private static double Coefficient(Results.RegressionResult result, string term)
    {
        for (int i = 0; i < result.Fit.Terms.Count; i++) if (result.Fit.Terms[i] == term) return result.Fit.Coefficients[i];
        return double.NaN;
    }
}
