namespace Panelwise.Design;

/// <summary>Columns whose digits are lost when read into doubles. (Designs that cannot be estimated, such as the
/// response among the regressors, are refused by the estimators: Estimation.DegenerateModel.CheckDesign.)</summary>
internal sealed partial class DesignAssembly
{
    /// <summary>Level-to-spread ratio above which a column's deviations from its mean keep fewer than 7 significant
    /// digits once read into doubles (about 16 digits relative to the level): the tables print 7.</summary>
    public const double SpreadRatioLimit = 1e9;

    /// <summary>A note for each column whose spread is tiny next to its level (x = 1e12 + N(0, 0.01)): a double holds
    /// about 16 significant digits of the level, so the deviations that identify a slope keep only about
    /// 16 - log10(max|x| / sd(x)) of them, and so do the estimates that depend on them.</summary>
    private static void NoteLostDigits(List<Note> notes, IEnumerable<(string Name, double[] Values)> columns)
    {
        foreach (var (name, values) in columns)
        {
            int n = values.Length;
            if (n < 2) continue;
            double mean = 0, max = 0;
            foreach (double v in values) { mean += v; max = Math.Max(max, Math.Abs(v)); }
            mean /= n;
            double ss = 0;
            foreach (double v in values) ss += (v - mean) * (v - mean);
            double sd = Math.Sqrt(ss / (n - 1));
            if (!(sd > 0) || max / sd <= SpreadRatioLimit) continue;
            double digits = Math.Max(0, 15.9 - Math.Log10(max / sd));
            notes.Add(new Note(NoteKind.Data, "lost_digits", FormattableString.Invariant($"{name} varies little relative to its level (max |x| / sd = {max / sd:g2}): read into doubles, its ") +
                      FormattableString.Invariant($"deviations from the mean keep only about {digits:F0} significant digits, and so do the estimates that depend on them. ") +
                      "Store it in the data as the difference from a round constant (e.g. x - 1e12), so that the digits that vary are the ones kept.", [name]));
        }
    }
}
