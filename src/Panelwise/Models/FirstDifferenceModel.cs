using Panelwise.Absorb;
using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference;

namespace Panelwise.Models;

/// <summary>First differences, Stata <c>regress D.y D.x</c> (plm model = "fd"): Δz_it = z_it - z_i,t-1 for every row
/// whose unit has the previous period in the estimation sample. A gap in the time index, or a previous period dropped
/// for missing values or by --if, gives a missing difference (Stata's D. operator), never a difference across the gap.
/// Terms are named <c>d(x)</c>; the constant (if the formula keeps it) is a trend. Clusters and absorbed effects take
/// the later row's value.</summary>
internal static class FirstDifferenceModel
{
    public static RegressionResult Fit(PanelSample s, FitOptions options, IEnumerable<PhaseTime> earlier)
    {
        var previous = PreviousRows(s);
        var later = Enumerable.Range(0, s.Rows).Where(i => previous[i] >= 0).ToArray();
        if (later.Length == 0)
            throw new EstimationException($"{{Model}} fd: no {s.UnitName} has two consecutive periods of {s.Data.ResponseName} and the regressors in the sample.");
        double[] Difference(double[] x) => later.Select(i => x[i] - x[previous[i]]).ToArray();
        FixedEffect Later(FixedEffect f) => BetweenModel.Recode(f.Name, later.Select(i => f.Codes[i]).ToArray());
        int lost = s.Rows - later.Length;
        var problem = new LinearProblem
        {
            ResponseName = $"d({s.Data.ResponseName})",
            Response = Difference(s.Data.Response),
            RegressorNames = s.Data.RegressorNames.Select(n => $"d({n})").ToList(),
            Regressors = s.Data.Regressors.Select(Difference).ToList(),
            Intercept = s.Spec.Intercept,
            FixedEffects = s.UserFixedEffects.Select(Later).ToList(),
            Clusters = s.Clusters.Select(Later).ToList(),
            Notes = [.. s.Data.Notes, new Note(NoteKind.Sample, "no_previous_period", $"{lost} observation(s) have no previous period in the sample (first period or a gap) and give no difference.")],
            Formula = s.Spec.Text,
        };
        var fit = LinearEstimator.Fit(problem, options.Estimation);
        return RegressionResult.Create(fit, options.Vcov, earlier).AsModel("fd", null, new Dictionary<string, TestStatistic>());
    }

    /// <summary>For each row, the sample row of the same unit at time t-1, or -1.</summary>
    private static int[] PreviousRows(PanelSample s)
    {
        var byKey = new Dictionary<(int, int), int>(s.Rows);
        for (int i = 0; i < s.Rows; i++) byKey[(s.Unit[i], s.Time[i])] = i;
        var previous = new int[s.Rows];
        for (int i = 0; i < s.Rows; i++)
            previous[i] = byKey.TryGetValue((s.Unit[i], s.Time[i] - 1), out int p) ? p : -1;
        return previous;
    }
}
