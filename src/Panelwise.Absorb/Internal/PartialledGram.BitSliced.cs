using System.Numerics;

namespace Panelwise.Absorb.Internal;

/// <summary>The partialled Gram matrix of one small effect of at most 64 levels without weights (firm + year), in
/// integer arithmetic. When no big-effect group repeats a small level, group b is a bit mask c_b and
/// A = diag(counts) - Σ_m M_m / m, where M_m[u, v] counts the groups of m rows holding both u and v. The masks of each
/// group size are transposed into one bit set per level, so M_m[u, v] = popcount(B_u AND B_v): a few million word
/// operations instead of a rank-1 update per group.</summary>
internal static partial class PartialledGram
{
    /// <summary>A, or null when some group holds a small level twice (then the masks cannot count it). The masks are
    /// collected in parallel over the row ranges <paramref name="cuts"/> (which end on group boundaries).</summary>
    private static double[,]? BitSliced(int[] bigCodes, int[]? order, int[] smallCodes, int size, int[] cuts)
    {
        int parts = cuts.Length - 1;
        var ranges = new (List<ulong>[] Masks, long[] Counts)?[parts];
        Parallel.For(0, parts, r => ranges[r] = CollectMasks(bigCodes, order, smallCodes, size, cuts[r], cuts[r + 1]));
        if (ranges.Any(range => range is null)) return null;
        var masksBySize = ranges[0]!.Value.Masks;
        var counts = ranges[0]!.Value.Counts;
        for (int r = 1; r < parts; r++)
        {
            var (masks, more) = ranges[r]!.Value;
            for (int m = 1; m <= size; m++) masksBySize[m].AddRange(masks[m]);
            for (int u = 0; u < size; u++) counts[u] += more[u];
        }
        var a = new double[size, size];
        for (int u = 0; u < size; u++) a[u, u] = counts[u];
        for (int m = 1; m <= size; m++)
        {
            var masks = masksBySize[m];
            if (masks.Count == 0) continue;
            var slices = Transpose(masks, size);
            double inverse = 1.0 / m;
            for (int u = 0; u < size; u++)
                for (int v = u; v < size; v++)
                {
                    long both = CommonBits(slices[u], slices[v]);
                    if (both == 0) continue;
                    a[u, v] -= both * inverse;
                    if (v != u) a[v, u] = a[u, v];
                }
        }
        return a;
    }

    /// <summary>The masks of the groups in rows [from, to) by group size, and the count of each small level; null
    /// when a group holds a level twice.</summary>
    private static (List<ulong>[] Masks, long[] Counts)? CollectMasks(int[] bigCodes, int[]? order, int[] smallCodes, int size, int from, int to)
    {
        var masksBySize = new List<ulong>[size + 1];
        for (int m = 1; m <= size; m++) masksBySize[m] = [];
        var counts = new long[size];
        int start = from;
        while (start < to)
        {
            int level = bigCodes[order is null ? start : order[start]];
            ulong mask = 0;
            int end = start;
            for (; end < to && bigCodes[order is null ? end : order[end]] == level; end++)
            {
                int code = smallCodes[order is null ? end : order[end]];
                ulong bit = 1UL << code;
                if ((mask & bit) != 0) return null;
                mask |= bit;
                counts[code]++;
            }
            masksBySize[end - start].Add(mask);
            start = end;
        }
        return (masksBySize, counts);
    }

    /// <summary>Bit k of slice u is bit u of mask k.</summary>
    private static ulong[][] Transpose(List<ulong> masks, int size)
    {
        int words = (masks.Count + 63) / 64;
        var slices = new ulong[size][];
        for (int u = 0; u < size; u++) slices[u] = new ulong[words];
        for (int k = 0; k < masks.Count; k++)
        {
            ulong mask = masks[k];
            ulong bit = 1UL << (k & 63);
            while (mask != 0)
            {
                slices[BitOperations.TrailingZeroCount(mask)][k >> 6] |= bit;
                mask &= mask - 1;
            }
        }
        return slices;
    }

    private static long CommonBits(ulong[] a, ulong[] b)
    {
        long count = 0;
        for (int w = 0; w < a.Length; w++) count += BitOperations.PopCount(a[w] & b[w]);
        return count;
    }
}
