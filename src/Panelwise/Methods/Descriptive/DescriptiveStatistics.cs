using Panelwise.Data;

namespace Panelwise.Methods.Descriptive;

/// <summary>Summaries of numeric columns, as Stata's <c>tabstat x y, s(n mean p50 sd min max)</c>: each variable
/// over its own non-missing values among the sample rows (not listwise).</summary>
public static class DescriptiveStatistics
{
    /// <summary>One summary per variable in the given order.</summary>
    /// <param name="frame">The data.</param>
    /// <param name="variables">Numeric columns to summarise.</param>
    /// <param name="sample">Rows to use; null = every row.</param>
    public static IReadOnlyList<VariableSummary> Summarise(Frame frame, IReadOnlyList<string> variables, IReadOnlyList<bool>? sample = null) =>
        variables.Select(v => Summarise(v, frame.Numeric(v).Values, sample)).ToList();

    private static VariableSummary Summarise(string name, double[] values, IReadOnlyList<bool>? sample)
    {
        var kept = new List<double>(values.Length);
        for (int i = 0; i < values.Length; i++)
            if ((sample is null || sample[i]) && !double.IsNaN(values[i])) kept.Add(values[i]);
        int n = kept.Count;
        if (n == 0) return new VariableSummary(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        kept.Sort();
        double mean = 0;
        foreach (double x in kept) mean += x;
        mean /= n;
        double ss = 0;
        foreach (double x in kept) ss += (x - mean) * (x - mean);
        double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : double.NaN;
        return new VariableSummary(name, n, mean, Percentile(kept, 50), sd, kept[0], kept[^1], Percentile(kept, 25), Percentile(kept, 75));
    }

    /// <summary>Stata's default percentile (summarize, detail): with P = n·p/100, the average of the two neighbours
    /// when P is whole, else the value at rank ceil(P).</summary>
    private static double Percentile(List<double> sorted, double p)
    {
        double position = sorted.Count * p / 100;
        int whole = (int)Math.Floor(position);
        if (whole >= sorted.Count) return sorted[^1];
        if (position == whole) return whole == 0 ? sorted[0] : (sorted[whole - 1] + sorted[whole]) / 2;
        return sorted[whole];
    }
}
