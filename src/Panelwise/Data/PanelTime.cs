using System.Globalization;

namespace Panelwise.Data;

/// <summary>The panel time in periods. Stata dates read from .dta keep Stata's values, and their period is one unit of
/// their display format, as <c>xtset</c>'s default <c>delta(1)</c>: %td days, %tw weeks, %tm months, %tq quarters,
/// %th half-years since 1960 and %ty years are already whole numbers of periods, so <c>l(x, 1)</c> is one day, week,
/// month, ... earlier. %tc/%tC datetimes are milliseconds (xtset's default delta is 1 ms, which leaves every lag of
/// daily data missing and does not fit a period number), so their period is the largest step that divides every gap
/// between the distinct timestamps — the <c>delta()</c> a Stata user passes (daily timestamps: <c>delta(1 day)</c>;
/// yearly timestamps 365 or 366 days apart: one day too, so give such data a year column) — counted from the first.</summary>
public static class PanelTime
{
    private const double MaxPeriods = 1e9;

    /// <summary><paramref name="frame"/> with its panel time column <paramref name="time"/> in periods: unchanged except
    /// for a %tc/%tC column, which is replaced by (t - min)/delta.</summary>
    public static Frame InPeriods(Frame frame, string time)
    {
        if (frame.Find(time) is not NumericColumn { DisplayFormat: { } format } column || !IsClock(format)) return frame;
        var values = column.Values;
        double min = double.PositiveInfinity;
        var distinct = new SortedSet<double>();
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) continue;
            if (v != Math.Floor(v) || Math.Abs(v) > 9e15)
                throw DataException.PanelTimeNotInteger(frame.Source, time, i + 1, v.ToString("R", CultureInfo.InvariantCulture));
            distinct.Add(v);
            min = Math.Min(min, v);
        }
        if (distinct.Count == 0) return frame;
        long delta = 0, previous = (long)distinct.Min;
        foreach (double v in distinct.Skip(1))
        {
            delta = Gcd(delta, (long)v - previous);
            previous = (long)v;
        }
        if (delta == 0) delta = 1;
        double span = ((long)distinct.Max - (long)min) / (double)delta;
        if (span > MaxPeriods)
            throw new DataException($"Panel time column '{time}' ({format}, milliseconds) in {frame.Source ?? "the data"} has timestamps whose " +
                $"gaps share no step above {Describe(delta)}, so it would need {span:G3} periods: give the data a period column (a year, month " +
                "or day number, e.g. Stata's yofd(dofc(t)) or dofc(t)) and pass that to {Panel}.") { File = frame.Source, Column = time };
        var periods = new double[values.Length];
        for (int i = 0; i < values.Length; i++) periods[i] = double.IsNaN(values[i]) ? double.NaN : ((long)values[i] - (long)min) / delta;
        return frame.With(new NumericColumn(time, periods) { Label = column.Label ?? $"{time} in periods of {Describe(delta)}" });
    }

    /// <summary>Stata's %tc (milliseconds, no leap seconds) and %tC (with leap seconds), with or without left-alignment.</summary>
    public static bool IsClock(string format) =>
        format.TrimStart('%').TrimStart('-').StartsWith("tc", StringComparison.OrdinalIgnoreCase);

    /// <summary>A step of milliseconds in words: "1 day", "6 hours", "1500 ms".</summary>
    public static string Describe(long ms)
    {
        foreach (var (unit, size) in new[] { ("day", 86_400_000L), ("hour", 3_600_000L), ("minute", 60_000L), ("second", 1000L) })
            if (ms % size == 0) return $"{ms / size} {unit}{(ms / size == 1 ? "" : "s")}";
        return $"{ms} ms";
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return Math.Abs(a);
    }
}
