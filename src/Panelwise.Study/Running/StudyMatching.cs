using System.Globalization;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Methods.Matching;
using Panelwise.Results;
using Panelwise.Study.Plan;
using Panelwise.Models;
using Panelwise.Render.Tables;

namespace Panelwise.Study;

/// <summary>A fit column with <c>match:</c>: propensity-score matching as <c>panelwise match</c> runs it (on the
/// column's <c>if</c> rows), then the column's regression on the matched sample weighted by psmatch2's <c>_weight</c>
/// (1 for matched treated units, the summed match weights for controls), exactly
/// <c>panelwise fit matched.csv FORMULA --weights _weight --if "_weight &gt; 0"</c> after <c>panelwise match --out matched.csv</c>.</summary>
internal static class StudyMatching
{
    /// <summary>The weight column added to a copy of the data; the underscore keeps it apart from study names.</summary>
    public const string WeightColumn = "_psm_weight";

    public static (IReadOnlyList<RegressionResult> Results, MatchedSample Sample) Fit(Frame frame, PlannedFit fit, PlannedMatch match)
    {
        var result = PropensityMatching.Run(frame, match.Spec, fit.Options.If);
        if (result.TreatedMatched == 0)
            throw new StudyException([$"The match block of column '{fit.Title ?? fit.Formula}' matched no treated unit: widen the caliper or check the treatment {match.Spec.Treatment}."]);
        var weights = result.FrameWeights(frame.RowCount);
        var matched = frame.With(new NumericColumn(WeightColumn, weights));
        string inSample = $"{WeightColumn} > 0";
        var options = fit.Options with { Weights = WeightColumn, If = fit.Options.If is null ? inSample : $"({fit.Options.If}) & {inSample}" };
        var sample = new MatchedSample(match.Spec, result.Counts);
        return (Regression.Fit(matched, fit.Formula, options), sample);
    }
}

/// <summary>The matching of one matched column: its settings and counts (treated units, treated matched, distinct
/// controls used, treated off support, controls available).</summary>
public sealed record MatchedSample(MatchingSpec Spec, MatchingCounts Counts)
{
    public int Treated => Counts.Treated;
    public int TreatedMatched => Counts.TreatedMatched;
    public int ControlsUsed => Counts.ControlsUsed;
    public int OffSupport => Counts.OffSupport;
    public int Controls => Counts.Controls;

    /// <summary>The table note: "(4) PSM: logit score of high_ai on x1, x2; nearest neighbour 1:1 without replacement,
    /// caliper 0.05; 120 of 150 treated matched to 118 of 200 controls, 30 treated off support; seed 1."</summary>
    public string Note(int column) => Note(column, TableText.En);

    /// <summary>The note in <paramref name="text"/>'s language.</summary>
    public string Note(int column, TableText text) => string.Format(CultureInfo.InvariantCulture, text.MatchedColumn, column, Spec.Treatment,
        string.Join(text.ListSeparator, Spec.Covariates), Spec.Neighbours,
        Spec.Caliper is { } c ? string.Format(CultureInfo.InvariantCulture, text.Caliper, c) : "",
        TreatedMatched, Treated, ControlsUsed, Controls, OffSupport, Spec.Seed);
}
