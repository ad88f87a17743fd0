using System.Runtime.Intrinsics;

namespace Panelwise.Absorb.Internal;

/// <summary>The fixed-effect normal equations with the largest effect B eliminated exactly (its Schur complement):
/// S = D'W M_B D over the levels of the other effects D, where M_B subtracts B-level weighted means. Vectors hold
/// K columns interleaved (level * K + column), so one pass over the rows serves every column and the gathers of one
/// row share a cache line. Rows are split into one chunk per thread; when B's levels are contiguous (panels sorted
/// by unit) the chunks end at level boundaries and B's means are written without scratch copies.</summary>
internal sealed partial class SchurOperator
{
    private readonly int[] _big;
    private readonly int[][] _codes;
    private readonly int[] _offsets;
    private readonly double[]? _w;
    private readonly double[] _inverseBigWeights;
    private readonly int[] _chunks;
    private readonly bool _grouped;
    private readonly int _bigLevels;

    public SchurOperator(FixedEffect big, IReadOnlyList<FixedEffect> others, double[]? weights, double[] inverseBigWeights, int threads)
    {
        _big = big.Codes;
        _bigLevels = big.Levels;
        _codes = others.Select(e => e.Codes).ToArray();
        _offsets = new int[others.Count + 1];
        for (int g = 0; g < others.Count; g++) _offsets[g + 1] = _offsets[g] + others[g].Levels;
        _w = weights;
        _inverseBigWeights = inverseBigWeights;
        _grouped = PartialledGram.IsGrouped(_big);
        _chunks = Chunks(_big, Math.Max(1, threads), _grouped);
    }

    /// <summary>Total number of levels of the non-eliminated effects (the size of S).</summary>
    public int Size => _offsets[^1];

    public int Threads => _chunks.Length - 1;

    /// <summary>Scratch for the columns: B-level means, and per-thread sums (B levels only when rows are not grouped).
    /// The stride K is the column count rounded up to a multiple of 4, so that one row's values of four columns are
    /// one 256-bit vector; the padding columns stay zero.</summary>
    public sealed class Workspace(SchurOperator op, int columns)
    {
        public readonly int K = (columns + 3) / 4 * 4;
        public readonly int Columns = columns;
        public readonly double[] BigMeans = new double[op._bigLevels * ((columns + 3) / 4 * 4)];
        public readonly double[][] BigSums = op._grouped ? [] : Enumerable.Range(0, op.Threads).Select(_ => new double[op._bigLevels * ((columns + 3) / 4 * 4)]).ToArray();
        public readonly double[][] Out = Enumerable.Range(0, op.Threads).Select(_ => new double[op.Size * ((columns + 3) / 4 * 4)]).ToArray();
    }

    /// <summary>q = S p for all K columns: two passes over the rows.</summary>
    public void Apply(double[] p, double[] q, Workspace ws)
    {
        if (_grouped && Vector256.IsHardwareAccelerated) ApplyVectorised(p, q, ws);
        else Pass(null, p, q, ws, write: false);
    }

    /// <summary>b = D'W M_B x for the columns x (the right-hand side of the reduced normal equations).</summary>
    public void RightHandSide(IReadOnlyList<double[]> columns, double[] b, Workspace ws) => Pass(columns, null, b, ws, write: false);

    /// <summary>x ← M_B (x - D γ): the columns' residuals from the projection, given the other effects' coefficients.</summary>
    public void Residualize(IReadOnlyList<double[]> columns, double[] gamma, Workspace ws) => Pass(columns, gamma, null, ws, write: true);

    /// <summary>Row values v_i = x_i - (D γ)_i (either part optional); pass A forms B-level means of v, pass B either
    /// accumulates D'W (v - mean) into <paramref name="result"/> or writes v - mean back into the columns.</summary>
    private void Pass(IReadOnlyList<double[]>? columns, double[]? gamma, double[]? result, Workspace ws, bool write)
    {
        int t = Threads;
        var xs = columns?.ToArray();
        Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, c => BigMeansChunk(c, xs, gamma, ws));
        if (!_grouped) ReduceBigSums(ws);
        Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, c => SecondChunk(c, xs, gamma, ws, write));
        if (result is not null) Reduce(ws, result);
    }

    private static void Reduce(Workspace ws, double[] result)
    {
        int t = ws.Out.Length;
        var first = ws.Out[0];
        for (int j = 1; j < t; j++)
        {
            var o = ws.Out[j];
            for (int l = 0; l < first.Length; l++) first[l] += o[l];
        }
        first.CopyTo(result, 0);
    }

    private void BigMeansChunk(int chunk, double[][]? xs, double[]? gamma, Workspace ws)
    {
        int k = ws.K, start = _chunks[chunk], end = _chunks[chunk + 1];
        Span<double> v = stackalloc double[k];
        Span<double> acc = stackalloc double[k];
        var target = _grouped ? ws.BigMeans : ws.BigSums[chunk];
        if (!_grouped) Array.Clear(target);
        int i = start;
        while (i < end)
        {
            int level = _big[i];
            acc.Clear();
            // Runs of one B level are summed in registers: a scatter-add into one slot per row would wait on its own store.
            do
            {
                RowValue(i, xs, gamma, v, k);
                double wi = _w is null ? 1.0 : _w[i];
                for (int c = 0; c < k; c++) acc[c] += wi * v[c];
                i++;
            } while (i < end && _big[i] == level);
            int b = level * k;
            if (_grouped)
            {
                double inv = _inverseBigWeights[level];
                for (int c = 0; c < k; c++) target[b + c] = acc[c] * inv;
            }
            else for (int c = 0; c < k; c++) target[b + c] += acc[c];
        }
    }

    private void ReduceBigSums(Workspace ws)
    {
        int k = ws.K;
        var means = ws.BigMeans;
        Array.Clear(means);
        foreach (var s in ws.BigSums)
            for (int l = 0; l < means.Length; l++) means[l] += s[l];
        for (int l = 0; l < _bigLevels; l++)
            for (int c = 0; c < k; c++) means[l * k + c] *= _inverseBigWeights[l];
    }

    private void SecondChunk(int chunk, double[][]? xs, double[]? gamma, Workspace ws, bool write)
    {
        int k = ws.K, g = _codes.Length, start = _chunks[chunk], end = _chunks[chunk + 1];
        Span<double> v = stackalloc double[k];
        var means = ws.BigMeans;
        var o = ws.Out[chunk];
        if (!write) Array.Clear(o);
        for (int i = start; i < end; i++)
        {
            RowValue(i, xs, gamma, v, k);
            int b = _big[i] * k;
            if (write)
            {
                for (int c = 0; c < xs!.Length; c++) xs[c][i] = v[c] - means[b + c];
                continue;
            }
            double wi = _w is null ? 1.0 : _w[i];
            for (int c = 0; c < k; c++) v[c] = wi * (v[c] - means[b + c]);
            for (int e = 0; e < g; e++)
            {
                int at = (_offsets[e] + _codes[e][i]) * k;
                for (int c = 0; c < k; c++) o[at + c] += v[c];
            }
        }
    }

    /// <summary>v = x_i - (D γ)_i for each column (x omitted: -(Dγ) is taken with the sign flipped, i.e. +Dγ).</summary>
    private void RowValue(int i, double[][]? xs, double[]? gamma, Span<double> v, int k)
    {
        v.Clear();
        if (xs is not null) for (int c = 0; c < xs.Length; c++) v[c] = xs[c][i];
        if (gamma is null) return;
        double sign = xs is null ? 1.0 : -1.0;
        for (int e = 0; e < _codes.Length; e++)
        {
            int at = (_offsets[e] + _codes[e][i]) * k;
            for (int c = 0; c < k; c++) v[c] += sign * gamma[at + c];
        }
    }

    /// <summary>Row ranges of about equal size; with grouped B codes they end where a B level ends.</summary>
    private static int[] Chunks(int[] big, int threads, bool grouped)
    {
        int n = big.Length;
        var bounds = new List<int> { 0 };
        for (int t = 1; t < threads; t++)
        {
            int at = (int)((long)n * t / threads);
            if (grouped) while (at < n && at > 0 && big[at] == big[at - 1]) at++;
            if (at > bounds[^1] && at < n) bounds.Add(at);
        }
        bounds.Add(n);
        return bounds.ToArray();
    }
}
