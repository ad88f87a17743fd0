using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Panelwise.Data;

/// <summary>Turns a column into dense integer codes (for fixed effects, clusters and i()). Codes run
/// 0..levels-1 in ascending order of value (numbers) or ordinal text (categories); every level occurs;
/// missing values get -1. Integer-valued numeric columns in a modest range use a lookup table instead
/// of hashing, which matters at 10^7 rows.</summary>
public static class Factorizer
{
    /// <summary>Codes and level count of <paramref name="column"/>.</summary>
    public static (int[] Codes, int LevelCount) Factorize(Column column)
    {
        // Fixed effects and clusters need no level labels: formatting 10^6 numbers as text would cost more than coding them.
        if (column is NumericColumn numeric)
        {
            var (numericCodes, values) = FactorizeNumeric(numeric.Values, allowLookup: true);
            return (numericCodes, values.Length);
        }
        var (codes, levels) = FactorizeWithLevels(column);
        return (codes, levels.Length);
    }

    /// <summary>Codes of <paramref name="column"/> and the text of each level (numbers in shortest
    /// round-trip form, e.g. "2001", "0.5"), so that i() can name its dummies.</summary>
    public static (int[] Codes, string[] Levels) FactorizeWithLevels(Column column)
    {
        switch (column)
        {
            case NumericColumn numeric:
                var (codes, values) = FactorizeNumeric(numeric.Values, allowLookup: true);
                var labels = new string[values.Length];
                for (int i = 0; i < values.Length; i++) labels[i] = values[i].ToString("R", CultureInfo.InvariantCulture);
                return (codes, labels);
            case CategoricalColumn categorical:
                return FactorizeCategorical(categorical);
            default:
                throw new ArgumentException($"Unsupported column type {column.GetType().Name}.", nameof(column));
        }
    }

    /// <summary>Codes of the combinations of two factorised variables (<c>a^b</c>); -1 when either is missing.
    /// Combinations are numbered in order of (a, b) and only those that occur get a code.</summary>
    public static (int[] Codes, int LevelCount) Interact(int[] codesA, int levelsA, int[] codesB, int levelsB)
    {
        if (codesA.Length != codesB.Length) throw new ArgumentException("The code arrays differ in length.");
        int n = codesA.Length;
        long combinations = (long)levelsA * levelsB;
        var codes = new int[n];
        if (combinations <= LookupLimit(n))
        {
            var table = new int[combinations];
            for (int i = 0; i < n; i++)
                if (codesA[i] >= 0 && codesB[i] >= 0) table[(long)codesA[i] * levelsB + codesB[i]] = 1;
            int count = NumberPresent(table);
            for (int i = 0; i < n; i++)
                codes[i] = codesA[i] < 0 || codesB[i] < 0 ? -1 : table[(long)codesA[i] * levelsB + codesB[i]] - 1;
            return (codes, count);
        }
        var map = new Dictionary<long, int>();
        for (int i = 0; i < n; i++)
        {
            if (codesA[i] < 0 || codesB[i] < 0) { codes[i] = -1; continue; }
            long key = (long)codesA[i] * levelsB + codesB[i];
            if (!map.TryGetValue(key, out int code)) { code = map.Count; map.Add(key, code); }
            codes[i] = code;
        }
        var keys = new long[map.Count];
        foreach (var (key, code) in map) keys[code] = key;
        Renumber(codes, RankOf(keys));
        return (codes, map.Count);
    }

    /// <summary>Numeric codes and the distinct values in ascending order. <paramref name="allowLookup"/> = false
    /// forces the hash path (tests compare the two).</summary>
    internal static (int[] Codes, double[] Values) FactorizeNumeric(double[] values, bool allowLookup)
    {
        int n = values.Length;
        var (min, max, integral) = Range(values);
        if (min > max) return (Filled(n, -1), []);
        if (allowLookup && integral && max - min < LookupLimit(n)) return ByLookup(values, min, (long)(max - min) + 1);
        return ByHash(values);
    }

    // The table costs 4 bytes per slot: allow a few slots per row, and never more than 2^26 slots (256 MB).
    private static long LookupLimit(int n) => Math.Min(4L * n + 1024, 1L << 26);

    private static (int[] Codes, double[] Values) ByLookup(double[] values, double min, long span)
    {
        var table = new int[span];
        var codes = new int[values.Length];
        // One pass writes each value's offset from the minimum and marks the offsets that occur. When every value of
        // the range occurs (years, consecutive ids) the offsets are the codes; otherwise a pass over the offsets
        // renumbers them. Marking (idempotent writes of 1) is safe to split across threads; a slot is written only
        // while still 0, since rewriting it on every row bounces its cache line between the cores for few levels.
        ForBlocks(values.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                double v = values[i];
                if (double.IsNaN(v))
                {
                    codes[i] = -1;
                    continue;
                }
                int offset = (int)(v - min);
                codes[i] = offset;
                ref int slot = ref table[offset];
                if (slot == 0) slot = 1;
            }
        });
        int count = NumberPresent(table);
        var distinct = new double[count];
        for (long j = 0; j < span; j++)
            if (table[j] != 0) distinct[table[j] - 1] = min + j;
        if (count == span) return (codes, distinct);
        ForBlocks(values.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (int i = start; i < end; i++)
                if (codes[i] >= 0) codes[i] = table[codes[i]] - 1;
        });
        return (codes, distinct);
    }

    /// <summary>Minimum, maximum (NaN skipped) and whether every value is a finite whole number, in parallel blocks,
    /// SIMD within a block (a scalar loop with three branches per value cost more than the lookup coding itself).</summary>
    private static (double Min, double Max, bool Integral) Range(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool integral = true;
        object gate = new();
        ForBlocks(values.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            var (lo, hi, whole) = BlockRange(values.AsSpan(start, end - start));
            lock (gate)
            {
                min = Math.Min(min, lo);
                max = Math.Max(max, hi);
                integral &= whole;
            }
        });
        return (min, max, integral);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Min, double Max, bool Integral) BlockRange(ReadOnlySpan<double> span)
    {
        int width = Vector<double>.Count, i = 0;
        var lo = new Vector<double>(double.PositiveInfinity);
        var hi = new Vector<double>(double.NegativeInfinity);
        var whole = Vector<long>.AllBitsSet;
        var infinity = new Vector<double>(double.PositiveInfinity);
        for (; i <= span.Length - width; i += width)
        {
            var v = new Vector<double>(span.Slice(i, width));
            var present = Vector.Equals(v, v); // false for NaN, which is skipped
            lo = Vector.ConditionalSelect(present, Vector.Min(lo, v), lo);
            hi = Vector.ConditionalSelect(present, Vector.Max(hi, v), hi);
            // Whole and finite, or NaN: infinities equal their floor, so they are ruled out on their own.
            var ok = Vector.Equals(Vector.Floor(v), v) & Vector.LessThan(Vector.Abs(v), infinity);
            whole &= ok | ~present;
        }
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int k = 0; k < width; k++)
        {
            min = Math.Min(min, lo[k]);
            max = Math.Max(max, hi[k]);
        }
        bool integral = Vector.EqualsAll(whole, Vector<long>.AllBitsSet);
        for (; i < span.Length; i++)
        {
            double v = span[i];
            if (double.IsNaN(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
            if (v != Math.Floor(v) || double.IsInfinity(v)) integral = false;
        }
        return (min, max, integral);
    }

    /// <summary>Runs <paramref name="body"/> over [0, n) in blocks of about a million rows, in parallel.</summary>
    private static void ForBlocks(int n, Action<int, int> body)
    {
        const int block = 1 << 20;
        int blocks = (n + block - 1) / block;
        if (blocks <= 1) { body(0, n); return; }
        Parallel.For(0, blocks, b => body(b * block, Math.Min(n, (b + 1) * block)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Codes, double[] Values) ByHash(double[] values)
    {
        var map = new Dictionary<double, int>();
        var codes = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) { codes[i] = -1; continue; }
            v += 0.0; // folds -0.0 into 0.0 so both get one code, as in the lookup path
            if (!map.TryGetValue(v, out int code)) { code = map.Count; map.Add(v, code); }
            codes[i] = code;
        }
        var distinct = new double[map.Count];
        foreach (var (value, code) in map) distinct[code] = value;
        var rank = RankOf(distinct);
        Renumber(codes, rank);
        var sorted = new double[distinct.Length];
        for (int c = 0; c < distinct.Length; c++) sorted[rank[c]] = distinct[c];
        return (codes, sorted);
    }

    private static (int[] Codes, string[] Levels) FactorizeCategorical(CategoricalColumn column)
    {
        var source = column.Codes;
        var used = new bool[column.Levels.Length];
        for (int i = 0; i < source.Length; i++) if (source[i] >= 0) used[source[i]] = true;
        var present = new List<int>();
        for (int l = 0; l < used.Length; l++) if (used[l]) present.Add(l);
        present.Sort((a, b) => string.CompareOrdinal(column.Levels[a], column.Levels[b]));
        var remap = Filled(used.Length, -1);
        var levels = new string[present.Count];
        for (int r = 0; r < present.Count; r++) { remap[present[r]] = r; levels[r] = column.Levels[present[r]]; }
        var codes = new int[source.Length];
        for (int i = 0; i < source.Length; i++) codes[i] = source[i] < 0 ? -1 : remap[source[i]];
        return (codes, levels);
    }

    /// <summary>Replaces every non-zero slot by its 1-based rank among non-zero slots; returns how many there are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NumberPresent(int[] table)
    {
        int count = 0;
        for (long j = 0; j < table.LongLength; j++) if (table[j] != 0) table[j] = ++count;
        return count;
    }

    private static int[] RankOf<T>(T[] keys) where T : IComparable<T>
    {
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort((T[])keys.Clone(), order);
        var rank = new int[keys.Length];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r;
        return rank;
    }

    private static void Renumber(int[] codes, int[] rank)
    {
        for (int i = 0; i < codes.Length; i++) if (codes[i] >= 0) codes[i] = rank[codes[i]];
    }

    private static int[] Filled(int n, int value)
    {
        var a = new int[n];
        Array.Fill(a, value);
        return a;
    }
}
