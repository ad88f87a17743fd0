namespace Panelwise.Methods.Indices;

/// <summary>Normalises one indicator so that larger is better and indicators are comparable.</summary>
public static class Normaliser
{
    /// <summary>
    /// Min-max (seed 003, eqs. 4-5): positive (x - min)/(max - min) + shift, negative (max - x)/(max - min) + shift;
    /// z-score: +-(x - mean)/sd (sample sd); ratio to max: positive x/max, negative min/x. Min, max, mean and sd come
    /// from the reference rows: all rows (pooled), the rows of the same year (per year) or the base year's rows.
    /// A constant reference (max = min or sd = 0) maps every value to 0 (+ shift).
    /// </summary>
    /// <param name="values">Raw values, no NaN.</param>
    /// <param name="direction">Positive or negative indicator.</param>
    /// <param name="options">Method, shift and reference frame.</param>
    /// <param name="time">The time value of each row; required for per-year and base-year references.</param>
    /// <param name="column">The column name, for error messages.</param>
    public static double[] Normalise(double[] values, Direction direction, NormalisationOptions options, double[]? time, string column)
    {
        var result = new double[values.Length];
        switch (options.Reference)
        {
            case ReferenceFrame.Pooled:
                Apply(values, direction, options, column, Enumerable.Range(0, values.Length).ToArray(), null, result);
                break;
            case ReferenceFrame.PerYear:
                foreach (var year in Enumerable.Range(0, values.Length).GroupBy(i => Time(time)[i]))
                    Apply(values, direction, options, column, year.ToArray(), null, result);
                break;
            default:
                double baseYear = options.BaseYear ?? throw SpecificationException.NeedsPanel("A base-year reference without a base year");
                var reference = Enumerable.Range(0, values.Length).Where(i => Time(time)[i] == baseYear).ToArray();
                if (reference.Length == 0) throw SpecificationException.BaseYearAbsent(baseYear, "time");
                Apply(values, direction, options, column, Enumerable.Range(0, values.Length).ToArray(), reference, result);
                break;
        }
        return result;
    }

    private static double[] Time(double[]? time) => time ?? throw SpecificationException.NeedsPanel("A per-year or base-year reference");

    /// <summary>Normalises <paramref name="rows"/> using statistics of <paramref name="reference"/> (the same rows when null).</summary>
    private static void Apply(double[] x, Direction dir, NormalisationOptions o, string column, int[] rows, int[]? reference, double[] result)
    {
        var refRows = reference ?? rows;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (int i in refRows) { min = Math.Min(min, x[i]); max = Math.Max(max, x[i]); sum += x[i]; }
        switch (o.Method)
        {
            case NormalisationMethod.MinMax:
                double range = max - min;
                foreach (int i in rows)
                {
                    double scaled = range == 0 ? 0 : (dir == Direction.Positive ? x[i] - min : max - x[i]) / range;
                    result[i] = scaled + o.Shift;
                }
                break;
            case NormalisationMethod.ZScore:
                double mean = sum / refRows.Length, ss = 0;
                foreach (int i in refRows) ss += (x[i] - mean) * (x[i] - mean);
                double sd = refRows.Length > 1 ? Math.Sqrt(ss / (refRows.Length - 1)) : 0;
                foreach (int i in rows)
                {
                    double z = sd == 0 ? 0 : (x[i] - mean) / sd;
                    result[i] = dir == Direction.Positive ? z : -z;
                }
                break;
            default:
                foreach (int i in rows)
                    if (x[i] < 0 || (dir == Direction.Negative && x[i] <= 0)) throw SpecificationException.RatioNeedsPositive(column);
                if (dir == Direction.Positive && max <= 0) throw SpecificationException.RatioNeedsPositive(column);
                if (dir == Direction.Negative && min <= 0) throw SpecificationException.RatioNeedsPositive(column);
                foreach (int i in rows) result[i] = dir == Direction.Positive ? x[i] / max : min / x[i];
                break;
        }
    }
}
