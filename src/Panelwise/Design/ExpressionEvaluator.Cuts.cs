using Panelwise.Data;
using Panelwise.Formula;
using Panelwise.Numerics;

namespace Panelwise.Design;

/// <summary>winsor() and trim(): cuts at the p and 1-p quantiles (<see cref="StataPercentile"/>) of the operand over
/// <see cref="CutSample"/> rows where it is present, pooled or per level of the by column.</summary>
internal sealed partial class ExpressionEvaluator
{
    /// <summary>Rows whose values define the cuts: the estimation sample. Null = every row where the operand is present
    /// (used by --if filters, which have no estimation sample yet).</summary>
    public bool[]? CutSample { get; init; }

    /// <summary>When true, winsor() and trim() return their operand unchanged. The design builder evaluates once this
    /// way to find the sample (a cut never changes which rows are present before cutting), then again with
    /// <see cref="CutSample"/> set.</summary>
    public bool DeferCuts { get; init; }

    private double[] TailCut(TailCutExpr cut)
    {
        var x = Evaluate(cut.Operand);
        if (DeferCuts) return x;
        var (groups, groupCount) = cut.By is null ? (new int[_n], 1) : ByCodes(cut);
        var pools = new List<double>[groupCount];
        for (int g = 0; g < groupCount; g++) pools[g] = [];
        for (int i = 0; i < _n; i++)
            if (!double.IsNaN(x[i]) && groups[i] >= 0 && (CutSample is null || CutSample[i])) pools[groups[i]].Add(x[i]);
        var low = new double[groupCount];
        var high = new double[groupCount];
        for (int g = 0; g < groupCount; g++)
        {
            pools[g].Sort();
            low[g] = StataPercentile.OfSorted(pools[g], cut.Share);
            high[g] = StataPercentile.OfSorted(pools[g], 1 - cut.Share);
        }
        var r = new double[_n];
        int below = 0, above = 0;
        for (int i = 0; i < _n; i++)
        {
            double v = x[i];
            int g = groups[i];
            // Rows of a by-level absent from the sample (or with a missing level) have no cuts: keep the value.
            if (double.IsNaN(v) || g < 0 || pools[g].Count == 0) { r[i] = v; continue; }
            bool isLow = v < low[g], isHigh = v > high[g];
            r[i] = isLow ? (cut.Trims ? double.NaN : low[g]) : isHigh ? (cut.Trims ? double.NaN : high[g]) : v;
            if (CutSample is null || CutSample[i]) { if (isLow) below++; if (isHigh) above++; }
        }
        AddCutNote(cut, pools, low, high, below, above);
        return r;
    }

    private (int[] Codes, int Count) ByCodes(TailCutExpr cut)
    {
        var column = _frame.Find(cut.By!)
            ?? throw _fail(cut, $"unknown by column '{cut.By}'.{NameMatcher.Hint(cut.By!, _frame.Columns.Select(c => c.Name))}");
        return Factorizer.Factorize(column);
    }

    /// <summary>Says which sample defined the cuts, where they are, and how many sample values changed.</summary>
    private void AddCutNote(TailCutExpr cut, List<double>[] pools, double[] low, double[] high, int below, int above)
    {
        string sample = CutSample is null ? "all rows where it is present" : "the estimation sample";
        string where = pools.Length == 1
            ? $"cut at {Rounded(low[0])} and {Rounded(high[0])} (Stata _pctile {Percent(cut.Share)} and {Percent(1 - cut.Share)}) over {pools[0].Count} values of {sample}"
            : $"cut at the {Percent(cut.Share)} and {Percent(1 - cut.Share)} (Stata _pctile) within each of {pools.Count(p => p.Count > 0)} levels of {cut.By} over {sample}";
        string what = cut.Trims ? "set to missing" : "clamped";
        string note = $"{cut}: {where}; {below} low and {above} high {(below + above == 1 ? "value" : "values")} {what}";
        if (!_notes.Contains(note)) _notes.Add(note);
    }

    private static string Percent(double share) => $"p{ExpressionEvaluator.Format(Math.Round(share * 100, 10))}";

    /// <summary>A cut point in a note: six significant digits (as the study's winsor variables), not all seventeen.</summary>
    private static string Rounded(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
