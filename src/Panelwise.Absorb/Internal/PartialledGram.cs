using System.Numerics;
using System.Runtime.CompilerServices;

namespace Panelwise.Absorb.Internal;

/// <summary>A = D'WD - Σ_b c_b c_b' / W_b: the Gram matrix of the small effects' dummies after demeaning by the big
/// effect. Observations are visited group by group of the big effect (in place when the data are already sorted by
/// it, as panels usually are; through a counting sort otherwise), and each group adds the outer product of its
/// distinct small-level weights, so the cost is Σ_b (distinct levels in b)², not N x L.</summary>
internal static partial class PartialledGram
{
    /// <summary>Up to this many small levels (e.g. 20 years), each group's outer product is a dense SIMD rank-1
    /// update over whole rows: cheaper than visiting the touched pairs one by one (about half the time at 1e7
    /// rows, 20 levels), and the matrix stays in L1.</summary>
    private const int DenseLevelLimit = 64;

    /// <summary>A for the rows as they are; <paramref name="grouped"/> says the rows are already grouped by the big
    /// effect (otherwise they are visited through a counting sort).</summary>
    public static double[,] Compute(FixedEffect big, IReadOnlyList<FixedEffect> small, int[] offsets, double[]? weights,
        double[] inverseBigWeights, bool grouped)
    {
        int size = offsets[^1];
        var smallCodes = small.Select(e => e.Codes).ToArray();
        var bigCodes = big.Codes;
        var order = grouped ? null : GroupOrder(big);
        int n = bigCodes.Length;
        // Split the rows into ranges that end on group boundaries; each range sums into its own small matrix.
        int parts = n < 1 << 20 ? 1 : Environment.ProcessorCount;
        var cuts = new int[parts + 1];
        cuts[parts] = n;
        for (int r = 1; r < parts; r++)
        {
            int c = Math.Max(cuts[r - 1], (int)((long)n * r / parts));
            while (c > 0 && c < n && bigCodes[order is null ? c : order[c]] == bigCodes[order is null ? c - 1 : order[c - 1]]) c++;
            cuts[r] = c;
        }
        if (weights is null && small.Count == 1 && size <= 64 && BitSliced(bigCodes, order, smallCodes[0], size, cuts) is { } exact)
            return exact;
        var partial = new double[parts][];
        bool dense = size <= DenseLevelLimit;
        Parallel.For(0, parts, r => partial[r] = dense
            ? AccumulateRangeDense(cuts[r], cuts[r + 1], bigCodes, order, smallCodes, offsets, size, weights, inverseBigWeights)
            : AccumulateRange(cuts[r], cuts[r + 1], bigCodes, order, smallCodes, offsets, size, weights, inverseBigWeights));
        var a = partial[0];
        for (int r = 1; r < parts; r++)
            for (int j = 0; j < a.Length; j++) a[j] += partial[r][j];
        // Only one triangle per group pair (u <= v in touch order) was updated: fold both triangles into a symmetric A.
        var result = new double[size, size];
        for (int j = 0; j < size; j++)
            for (int k = 0; k < size; k++)
                result[j, k] = j == k ? a[j * size + k] : a[j * size + k] + a[k * size + j];
        return result;
    }

    private static double[] AccumulateRange(int from, int to, int[] bigCodes, int[]? order, int[][] smallCodes, int[] offsets,
        int size, double[]? weights, double[] inverseBigWeights)
    {
        var a = new double[size * size];
        var mass = new double[size];
        var touched = new int[size];
        int start = from;
        while (start < to)
        {
            int level = bigCodes[order is null ? start : order[start]];
            int end = GroupEnd(start, to, level, bigCodes, order);
            int distinct = AddGroup(start, end, order, smallCodes, offsets, size, weights, a, mass, touched);
            double inv = inverseBigWeights[level];
            for (int u = 0; u < distinct; u++)
            {
                int ku = touched[u];
                double mu = mass[ku] * inv;
                int row = ku * size;
                for (int v = u; v < distinct; v++) a[row + touched[v]] -= mu * mass[touched[v]];
            }
            for (int u = 0; u < distinct; u++) mass[touched[u]] = 0;
            start = end;
        }
        return a;
    }

    /// <summary><see cref="AccumulateRange"/> for few small levels: for each small level u the group touches, row u of
    /// A loses (m_u / W_b) m' as whole SIMD vectors from u's own block on (rows padded to the vector width). D'WD goes
    /// to a separate matrix, so these scalar additions never stall the vector loads of A. Fills the upper triangle.</summary>
    private static double[] AccumulateRangeDense(int from, int to, int[] bigCodes, int[]? order, int[][] smallCodes, int[] offsets,
        int size, double[]? weights, double[] inverseBigWeights)
    {
        int width = Vector<double>.Count;
        int stride = (size + width - 1) / width * width;
        var outer = new double[size * stride];
        var dwd = new double[size * size];
        var mass = new double[stride];
        var touched = new int[size];
        int start = from;
        while (start < to)
        {
            int level = bigCodes[order is null ? start : order[start]];
            int end = GroupEnd(start, to, level, bigCodes, order);
            int distinct = AddGroup(start, end, order, smallCodes, offsets, size, weights, dwd, mass, touched);
            double inv = inverseBigWeights[level];
            for (int t = 0; t < distinct; t++)
            {
                int u = touched[t];
                var row = outer.AsSpan(u * stride, stride);
                var factor = new Vector<double>(mass[u] * inv);
                for (int v = u / width * width; v < stride; v += width)
                    (new Vector<double>(row.Slice(v, width)) - factor * new Vector<double>(mass, v)).CopyTo(row.Slice(v, width));
            }
            for (int t = 0; t < distinct; t++) mass[touched[t]] = 0;
            start = end;
        }
        for (int u = 0; u < size; u++)
            for (int v = u; v < size; v++) dwd[u * size + v] += outer[u * stride + v];
        return dwd;
    }

    /// <summary>The end of the big-effect group that starts at <paramref name="start"/> (rows in visiting order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int GroupEnd(int start, int to, int level, int[] bigCodes, int[]? order)
    {
        int end = start + 1;
        while (end < to && bigCodes[order is null ? end : order[end]] == level) end++;
        return end;
    }

    /// <summary>Adds the rows of one big-effect group to D'WD (its diagonal, and the weighted cross-tabulation of two
    /// small effects entered once, in the upper triangle) and to the group's weight per small level; returns how many
    /// levels the group touched, listed in <paramref name="touched"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddGroup(int start, int end, int[]? order, int[][] smallCodes, int[] offsets, int size,
        double[]? weights, double[] dwd, double[] mass, int[] touched)
    {
        int distinct = 0;
        for (int p = start; p < end; p++)
        {
            int i = order is null ? p : order[p];
            double wi = weights is null ? 1.0 : weights[i];
            for (int s = 0; s < smallCodes.Length; s++)
            {
                int k = offsets[s] + smallCodes[s][i];
                if (mass[k] == 0) touched[distinct++] = k;
                mass[k] += wi;
                dwd[k * size + k] += wi;
                for (int t = s + 1; t < smallCodes.Length; t++) dwd[k * size + offsets[t] + smallCodes[t][i]] += wi;
            }
        }
        return distinct;
    }

    /// <summary>True when equal codes stand together (e.g. data sorted by the panel unit).</summary>
    internal static bool IsGrouped(int[] codes)
    {
        for (int i = 1; i < codes.Length; i++) if (codes[i] < codes[i - 1]) return false;
        return true;
    }

    /// <summary>Observation indices ordered by level (counting sort).</summary>
    internal static int[] GroupOrder(FixedEffect big)
    {
        var start = new int[big.Levels + 1];
        foreach (int c in big.Codes) start[c + 1]++;
        for (int l = 0; l < big.Levels; l++) start[l + 1] += start[l];
        var order = new int[big.Codes.Length];
        for (int i = 0; i < big.Codes.Length; i++) order[start[big.Codes[i]]++] = i;
        return order;
    }
}
