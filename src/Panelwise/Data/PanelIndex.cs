using System.Globalization;

namespace Panelwise.Data;

/// <summary>The (unit, time) structure of a panel, built once per frame: rows sorted by unit then time,
/// so that lags and leads are found in linear time. Time must be whole numbers; lags are time-indexed
/// as Stata's <c>L.</c>/<c>F.</c>: across a gap in periods the lag is missing, not the previous row.
/// Rows with a missing unit or time have no lags and are nobody's lag. Immutable and thread-safe.</summary>
public sealed class PanelIndex
{
    private readonly int[] _rows;   // row indices of valid rows, sorted by (unit, time)
    private readonly int[] _units;  // unit code per sorted position
    private readonly int[] _times;  // time per sorted position

    private PanelIndex(string id, string time, int rowCount, int unitCount, int[] rows, int[] units, int[] times, int[] unitCodes)
    {
        UnitCodes = unitCodes;
        IdName = id;
        TimeName = time;
        RowCount = rowCount;
        UnitCount = unitCount;
        _rows = rows;
        _units = units;
        _times = times;
    }

    /// <summary>The unit (individual) column.</summary>
    public string IdName { get; }

    /// <summary>The time column.</summary>
    public string TimeName { get; }

    /// <summary>Rows of the frame the index was built from.</summary>
    public int RowCount { get; }

    /// <summary>Number of distinct units.</summary>
    public int UnitCount { get; }

    /// <summary>Unit code of every frame row (0..UnitCount-1, -1 where the unit is missing), kept so that callers
    /// need not factorise the unit column again.</summary>
    public int[] UnitCodes { get; }

    /// <summary>Indexes <paramref name="frame"/> by unit column <paramref name="id"/> (numeric or text)
    /// and time column <paramref name="time"/> (whole numbers).</summary>
    /// <exception cref="DataException">A column is missing, time is text or not whole, or a (unit, time) pair repeats.</exception>
    public static PanelIndex Build(Frame frame, string id, string time)
    {
        var idColumn = frame[id];
        if (frame[time] is not NumericColumn timeColumn) throw DataException.PanelTimeNotNumeric(frame.Source, time, DateLike(frame[time]));
        var (unitCodes, unitCount) = Factorizer.Factorize(idColumn);
        var values = timeColumn.Values;
        int n = frame.RowCount, valid = 0;
        long min = long.MaxValue, max = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) continue;
            if (v != Math.Floor(v) || Math.Abs(v) > 1e9)
                throw DataException.PanelTimeNotInteger(frame.Source, time, i + 1, v.ToString("R", CultureInfo.InvariantCulture));
            if (unitCodes[i] < 0) continue;
            valid++;
            if (v < min) min = (long)v;
            if (v > max) max = (long)v;
        }
        var order = valid == 0 ? [] : SortRows(unitCodes, unitCount, values, valid, min, max);
        var units = new int[valid];
        var times = new int[valid];
        for (int p = 0; p < valid; p++)
        {
            units[p] = unitCodes[order[p]];
            times[p] = (int)values[order[p]];
        }
        CheckDuplicates(frame, idColumn, time, order, units, times);
        return new PanelIndex(id, time, n, unitCount, order, units, times, unitCodes);
    }

    /// <summary>The first value of a text column that reads as a calendar date (2015-01-01, 2015/1/1, 01.01.2015), or null.</summary>
    private static string? DateLike(Column column)
    {
        if (column is not CategoricalColumn c) return null;
        for (int i = 0; i < c.Length; i++)
            if (c.ValueAt(i) is { } text)
                return DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                       && text.Trim().Length >= 6 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? text.Trim() : null;
        return null;
    }

    /// <summary>For every row, the row of the same unit at time t - <paramref name="k"/>, or -1 when there is
    /// none (first periods, gaps, missing unit or time). A negative <paramref name="k"/> looks forward (a lead).</summary>
    public int[] LagRow(int k)
    {
        var result = new int[RowCount];
        Array.Fill(result, -1);
        int m = _rows.Length;
        for (int start = 0; start < m;)
        {
            int end = start;
            while (end < m && _units[end] == _units[start]) end++;
            // Within a unit times strictly increase, so the partner position only moves forward.
            int q = start;
            for (int p = start; p < end; p++)
            {
                long target = (long)_times[p] - k;
                while (q < end && _times[q] < target) q++;
                if (q < end && _times[q] == target) result[_rows[p]] = _rows[q];
            }
            start = end;
        }
        return result;
    }

    /// <summary>Valid rows sorted by (unit, time): two stable counting sorts when the time span is modest
    /// (years, quarters, day numbers), else a comparison sort on packed keys.</summary>
    private static int[] SortRows(int[] unitCodes, int unitCount, double[] times, int valid, long min, long max)
    {
        int n = unitCodes.Length;
        long span = max - min + 1;
        if (span <= Math.Min(4L * n + 1024, 1L << 26))
        {
            var byTime = new int[valid];
            var counts = new int[span + 1];
            for (int i = 0; i < n; i++)
                if (unitCodes[i] >= 0 && !double.IsNaN(times[i])) counts[(long)times[i] - min + 1]++;
            for (long s = 1; s <= span; s++) counts[s] += counts[s - 1];
            for (int i = 0; i < n; i++)
                if (unitCodes[i] >= 0 && !double.IsNaN(times[i])) byTime[counts[(long)times[i] - min]++] = i;
            var unitCounts = new int[unitCount + 1];
            foreach (int row in byTime) unitCounts[unitCodes[row] + 1]++;
            for (int u = 1; u <= unitCount; u++) unitCounts[u] += unitCounts[u - 1];
            var sorted = new int[valid];
            foreach (int row in byTime) sorted[unitCounts[unitCodes[row]]++] = row;
            return sorted;
        }
        var keys = new long[valid];
        var rows = new int[valid];
        for (int i = 0, j = 0; i < n; i++)
        {
            if (unitCodes[i] < 0 || double.IsNaN(times[i])) continue;
            keys[j] = ((long)unitCodes[i] << 32) | (uint)((long)times[i] - min);
            rows[j++] = i;
        }
        Array.Sort(keys, rows);
        return rows;
    }

    private static void CheckDuplicates(Frame frame, Column idColumn, string time, int[] order, int[] units, int[] times)
    {
        int bestA = -1, bestB = -1;
        for (int p = 1; p < order.Length; p++)
        {
            if (units[p] != units[p - 1] || times[p] != times[p - 1]) continue;
            int a = Math.Min(order[p], order[p - 1]), b = Math.Max(order[p], order[p - 1]);
            if (bestB < 0 || b < bestB || (b == bestB && a < bestA)) { bestA = a; bestB = b; }
        }
        if (bestB < 0) return;
        string idValue = idColumn switch
        {
            CategoricalColumn c => c.ValueAt(bestA) ?? "",
            NumericColumn num => num.Values[bestA].ToString("R", CultureInfo.InvariantCulture),
            _ => "?",
        };
        string timeValue = frame.Numeric(time).Values[bestA].ToString("R", CultureInfo.InvariantCulture);
        throw DataException.DuplicatePanelKey(frame.Source, idColumn.Name, time, idValue, timeValue, bestA + 1, bestB + 1);
    }
}
