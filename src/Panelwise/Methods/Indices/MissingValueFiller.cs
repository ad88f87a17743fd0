namespace Panelwise.Methods.Indices;

/// <summary>Finds missing indicator values and, when asked, fills interior gaps by linear interpolation in time
/// within each unit: x_t = x_a + (x_b - x_a)(t - a)/(b - a) between the nearest observed years a &lt; t &lt; b.</summary>
internal static class MissingValueFiller
{
    private const int RowsShown = 10;

    /// <param name="values">Indicator values of the sample rows (NaN = missing); filled in place.</param>
    /// <param name="column">The indicator name, for messages.</param>
    /// <param name="policy">Whether to fill or to stop.</param>
    /// <param name="dataRows">The 0-based frame row of each sample row, for messages.</param>
    /// <param name="units">Unit label per sample row (interpolation only).</param>
    /// <param name="time">Time per sample row (interpolation only).</param>
    /// <returns>The number of values filled.</returns>
    public static int Fill(double[] values, int[] dataRows, string column, MissingValuePolicy policy, string[]? units, double[]? time)
    {
        var missing = Enumerable.Range(0, values.Length).Where(i => double.IsNaN(values[i])).ToList();
        if (missing.Count == 0) return 0;
        if (policy == MissingValuePolicy.Error || units is null || time is null)
            throw SpecificationException.MissingValues(column, missing.Take(RowsShown).Select(i => (long)dataRows[i] + 1).ToList(), missing.Count);
        int filled = 0;
        foreach (var unit in Enumerable.Range(0, values.Length).GroupBy(i => units[i]))
        {
            var rows = unit.Where(i => !double.IsNaN(time[i])).OrderBy(i => time[i]).ToArray();
            var original = rows.Select(i => values[i]).ToArray();
            var stranded = new List<long>();
            for (int k = 0; k < rows.Length; k++)
            {
                if (!double.IsNaN(original[k])) continue;
                int before = k - 1, after = k + 1;
                while (before >= 0 && double.IsNaN(original[before])) before--;
                while (after < rows.Length && double.IsNaN(original[after])) after++;
                if (before < 0 || after >= rows.Length) { stranded.Add(dataRows[rows[k]] + 1); continue; }
                double ta = time[rows[before]], tb = time[rows[after]], t = time[rows[k]];
                values[rows[k]] = original[before] + (original[after] - original[before]) * (t - ta) / (tb - ta);
                filled++;
            }
            if (stranded.Count > 0) throw SpecificationException.CannotInterpolate(column, unit.Key, stranded.Take(RowsShown).ToList());
        }
        var left = Enumerable.Range(0, values.Length).Where(i => double.IsNaN(values[i])).ToList();
        if (left.Count > 0)
            throw SpecificationException.MissingValues(column, left.Take(RowsShown).Select(i => (long)dataRows[i] + 1).ToList(), left.Count);
        return filled;
    }
}
