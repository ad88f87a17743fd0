namespace Panelwise.Numerics;

/// <summary>Stata's <c>_pctile</c> definition (the winsor2 default), identical to R's <c>quantile(type = 2)</c>:
/// with the n values sorted x(1) ≤ … ≤ x(n) and np = n·p, the p-quantile is (x(np) + x(np+1))/2 when np is a
/// whole number and x(⌈np⌉) otherwise (Hyndman and Fan 1996, definition 2; Stata [D] pctile, Methods and formulas).</summary>
public static class StataPercentile
{
    // R's quantile() treats n·p within 4 machine epsilons of an integer as that integer; so do we, so that
    // 0.99·100 (= 98.99999999999999 in binary) counts as 99 as a user typing 0.99 means.
    private const double Fuzz = 4 * 2.220446049250313e-16;

    /// <summary>The p-quantile of <paramref name="sorted"/> (ascending, no missing values), 0 ≤ p ≤ 1.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        int n = sorted.Count;
        if (n == 0) return double.NaN;
        double np = n * p;
        int j = (int)Math.Floor(np + Fuzz * Math.Max(1, np));
        bool whole = Math.Abs(np - j) <= Fuzz * Math.Max(1, np);
        if (whole)
        {
            if (j <= 0) return sorted[0];
            if (j >= n) return sorted[n - 1];
            return (sorted[j - 1] + sorted[j]) / 2;
        }
        return sorted[Math.Clamp(j, 0, n - 1)];
    }

    /// <summary>The p-quantile of the non-missing <paramref name="values"/> (any order).</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }
}
