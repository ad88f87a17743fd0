using System.Globalization;
using Panelwise.Numerics;

namespace Panelwise.Data.Transforms;

/// <summary>Column transforms beyond expressions (a study's <c>winsor</c>, <c>interpolate</c>, <c>convert</c>,
/// <c>group</c> and <c>map</c> variables). Each returns the new column, named <c>name</c>, and what it did: a
/// <see cref="Note"/> (kind <see cref="NoteKind.Data"/>) or a result with the counts. Quantiles are Stata's
/// <c>_pctile</c> (<see cref="StataPercentile"/>), as winsor() in formulas. Missing values stay missing unless the
/// transform fills them.
/// <code>var (gdp, note) = VariableTransforms.Winsor(frame, "gdp_w", "gdp", 0.01); frame = frame.With(gdp);</code></summary>
public static class VariableTransforms
{
    /// <summary>Clamps <paramref name="source"/> at its p and 1-p quantiles over all rows where it is present
    /// (Stata <c>winsor2, cuts(p 1-p)</c> with <c>_pctile</c> quantiles); 0 &lt; p &lt; 0.5.</summary>
    /// <exception cref="DataException">The column is missing or holds text, or p is outside (0, 0.5).</exception>
    public static (NumericColumn Column, Note Note) Winsor(Frame frame, string name, string source, double p)
    {
        if (!(p > 0 && p < 0.5))
            throw new DataException($"winsor({source}, p = {Format(p)}): p must be above 0 and below 0.5, the share cut at each end.") { File = frame.Source, Column = source };
        var x = frame.Numeric(source).Values;
        var sorted = x.Where(v => !double.IsNaN(v)).Order().ToList();
        double low = StataPercentile.OfSorted(sorted, p), high = StataPercentile.OfSorted(sorted, 1 - p);
        var r = new double[x.Length];
        int below = 0, above = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (v < low) { below++; v = low; }
            else if (v > high) { above++; v = high; }
            r[i] = v;
        }
        string note = $"{name} = winsor({source}, p = {Format(p)}): cut at {Format(low)} and {Format(high)} over {sorted.Count} values; "
            + $"{below} low and {above} high {Values(below + above)} clamped";
        return (new NumericColumn(name, r), new Note(NoteKind.Data, "winsor", note, [name, source]));
    }

    /// <summary>Fills missing values of <paramref name="source"/> that lie between two present values of the same
    /// unit, linearly in the panel time; values before a unit's first or after its last present value stay missing.
    /// The result counts the values filled, and the values left missing at the ends of a unit's series or in units
    /// without any value (never extrapolated; as Stata's <c>ipolate ..., by(id)</c>).</summary>
    public static InterpolationResult Interpolate(Frame frame, string name, string source, string id, string time)
    {
        var x = frame.Numeric(source).Values;
        var t = frame.Numeric(time).Values;
        var (units, _) = Factorizer.Factorize(frame[id]);
        var r = (double[])x.Clone();
        var order = Enumerable.Range(0, x.Length).Where(i => units[i] >= 0 && !double.IsNaN(t[i]))
            .OrderBy(i => units[i]).ThenBy(i => t[i]).ToArray();
        int filled = 0, before = 0, after = 0, emptyUnits = 0, inEmpty = 0;
        int start = 0; // position in order where the current unit begins
        int last = -1; // position in order of the unit's last present value
        for (int k = 0; k <= order.Length; k++)
        {
            if (k == order.Length || units[order[k]] != units[order[start]])
            {
                // the unit [start, k) ends: rows after its last present value (or all rows, if none) stay missing
                if (last < 0) { emptyUnits++; inEmpty += k - start; }
                else after += k - 1 - last;
                if (k == order.Length) break;
                (start, last) = (k, -1);
            }
            int i = order[k];
            if (double.IsNaN(x[i])) continue;
            if (last < 0) before += k - start;
            else
            {
                // every row strictly between the last present row and this one is an interior gap of the same unit
                int p = order[last];
                for (int g = last + 1; g < k; g++)
                {
                    int j = order[g];
                    r[j] = x[p] + (x[i] - x[p]) * (t[j] - t[p]) / (t[i] - t[p]);
                    filled++;
                }
            }
            last = k;
        }
        return new InterpolationResult(new NumericColumn(name, r), filled, before, after, emptyUnits, inEmpty);
    }

    /// <summary>Converts <paramref name="source"/> from one unit to another: x * multiplier / divisor (see
    /// <see cref="MeasurementUnits.Factor"/>); missing values stay missing.</summary>
    /// <exception cref="UserInputException">An unknown unit or two kinds of quantity.</exception>
    public static ConversionResult Convert(Frame frame, string name, string source, string from, string to)
    {
        var (multiplier, divisor) = MeasurementUnits.Factor(from, to);
        var x = frame.Numeric(source).Values;
        var r = new double[x.Length];
        int converted = 0;
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = x[i] * multiplier / divisor;
            if (!double.IsNaN(x[i])) converted++;
        }
        return new ConversionResult(new NumericColumn(name, r), multiplier, divisor, converted, x.Length - converted);
    }

    /// <summary>1 where <paramref name="source"/> is at or above its (100 - top)th percentile, pooled or within each
    /// level of <paramref name="by"/>; 0 below it; missing where the value (or its by level) is missing.</summary>
    /// <exception cref="DataException">top is outside (0, 100).</exception>
    public static (NumericColumn Column, Note Note) Group(Frame frame, string name, string source, double top, string? by)
    {
        if (!(top > 0 && top < 100))
            throw new DataException($"top {Format(top)}% of {source}: the share must be above 0 and below 100 (percent).") { File = frame.Source, Column = source };
        var x = frame.Numeric(source).Values;
        var (groups, count) = by is null ? (new int[x.Length], 1) : Factorizer.Factorize(frame[by]);
        var pools = Enumerable.Range(0, count).Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < x.Length; i++)
            if (!double.IsNaN(x[i]) && groups[i] >= 0) pools[groups[i]].Add(x[i]);
        var cuts = pools.Select(pool => { pool.Sort(); return StataPercentile.OfSorted(pool, 1 - top / 100); }).ToArray();
        var r = new double[x.Length];
        int ones = 0, set = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || groups[i] < 0) { r[i] = double.NaN; continue; }
            r[i] = x[i] >= cuts[groups[i]] ? 1 : 0;
            ones += (int)r[i];
            set++;
        }
        string where = by is null ? $"at or above {Format(cuts[0])}" : $"at or above the p{Format(100 - top)} of its {by}";
        string note = $"{name} = top {Format(top)}% of {source}: {ones} of {set} {Values(set)} set to 1 ({where}), the rest 0";
        return (new NumericColumn(name, r), new Note(NoteKind.Data, "group", note, by is null ? [name, source] : [name, source, by]));
    }

    /// <summary>A categorical column: the group whose list contains the value of <paramref name="source"/> (text or
    /// number, compared as text); missing for values in no list. Levels keep the order of <paramref name="groups"/>.</summary>
    public static (CategoricalColumn Column, Note Note) Map(Frame frame, string name, string source,
        IReadOnlyList<(string Group, IReadOnlyList<string> Values)> groups)
    {
        var column = frame[source];
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < groups.Count; g++)
            foreach (var value in groups[g].Values) lookup.TryAdd(value, g);
        var codes = new int[frame.RowCount];
        int mapped = 0;
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < codes.Length; i++)
        {
            string? value = column switch
            {
                CategoricalColumn c => c.ValueAt(i),
                NumericColumn n when !double.IsNaN(n.Values[i]) => n.Values[i].ToString("R", CultureInfo.InvariantCulture),
                _ => null,
            };
            codes[i] = value is not null && lookup.TryGetValue(value, out int g) ? g : -1;
            if (codes[i] >= 0) mapped++;
            else if (value is not null) unmatched.Add(value);
        }
        string note = $"{name} = map({source}): {mapped} of {codes.Length} {Values(codes.Length)} mapped to {groups.Count} groups";
        if (unmatched.Count > 0)
            note += $"; {unmatched.Count} distinct {Values(unmatched.Count)} in no group left missing: {string.Join(", ", unmatched.Take(5))}{(unmatched.Count > 5 ? ", ..." : "")}";
        return (new CategoricalColumn(name, codes, groups.Select(g => g.Group).ToArray()), new Note(NoteKind.Data, "map", note, [name, source]));
    }

    private static string Values(int count) => count == 1 ? "value" : "values";

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
