using Panelwise.Data;

namespace Panelwise.Methods.Matching;

/// <summary>The data with psmatch2's matching variables added (what <c>panelwise match</c> writes to its output file): _pscore (the score), _treated (D), _weight
/// (1 for matched treated, the summed match weights for controls, 0 for unmatched units) and _support (0 for treated
/// units left unmatched by common support, caliper, radius or bandwidth; 1 otherwise). Rows outside the matching sample
/// (filtered out or with missing values) get missing in all four, so the filter <c>_weight > 0</c> keeps exactly the matched sample.</summary>
public static class MatchedFrame
{
    /// <summary><paramref name="frame"/> (the data the matching ran on) with _pscore, _treated, _weight and _support.</summary>
    public static Frame Build(Frame frame, MatchingResult result)
    {
        int n = frame.RowCount;
        var score = Missing(n);
        var treated = Missing(n);
        var weight = Missing(n);
        var support = Missing(n);
        var frameWeights = result.FrameWeights(n);
        for (int s = 0; s < result.SampleRows.Length; s++)
        {
            int row = result.SampleRows[s];
            score[row] = result.Propensity.Scores[s];
            weight[row] = frameWeights[row];
            bool isTreated = result.SampleTreated[s];
            treated[row] = isTreated ? 1 : 0;
            support[row] = !isTreated || result.SampleWeights[s] > 0 ? 1 : 0;
        }
        return frame.With(new NumericColumn("_pscore", score)).With(new NumericColumn("_treated", treated))
            .With(new NumericColumn("_weight", weight)).With(new NumericColumn("_support", support));
    }

    private static double[] Missing(int n) => Enumerable.Repeat(double.NaN, n).ToArray();
}
