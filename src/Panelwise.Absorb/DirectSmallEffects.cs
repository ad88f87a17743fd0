using Panelwise.Absorb.Internal;

namespace Panelwise.Absorb;

/// <summary>Exact absorption of one large effect B and small effects S (few levels in all), by Frisch-Waugh-Lovell:
/// demean by B, then remove the projection on the B-demeaned dummies of S, whose Gram matrix
/// A = D'WD - Σ_b c_b c_b' / W_b (c_b = weighted counts of group b over the S levels) is small and dense.
/// Four passes over the data per column and no iteration, where alternating projections would sweep until a
/// tolerance is met. Redundant levels (one per connected component) are detected in the Cholesky factor of A.</summary>
public sealed class DirectSmallEffects : IFixedEffectSolver
{
    private readonly FixedEffect _big;
    private readonly IReadOnlyList<FixedEffect> _small;
    private readonly int[][] _smallCodes;
    private readonly int[] _offsets;
    private readonly double[]? _weights;
    private readonly double[] _inverseBigWeights;
    private readonly SmallCholesky _gram;
    private readonly AbsorbOptions _options;

    public DirectSmallEffects(FixedEffect big, IReadOnlyList<FixedEffect> small, double[]? weights, AbsorbOptions options)
    {
        _big = big;
        _small = small;
        _weights = weights;
        _options = options;
        _smallCodes = small.Select(e => e.Codes).ToArray();
        _offsets = new int[small.Count + 1];
        for (int s = 0; s < small.Count; s++) _offsets[s + 1] = _offsets[s] + small[s].Levels;
        _inverseBigWeights = big.LevelWeights(weights);
        for (int l = 0; l < _inverseBigWeights.Length; l++) _inverseBigWeights[l] = 1.0 / _inverseBigWeights[l];
        _gram = SmallCholesky.Factor(PartialledGram.Compute(big, small, _offsets, weights, _inverseBigWeights));
    }

    public SolveReport Demean(IReadOnlyList<double[]> columns)
    {
        int threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, c => DemeanColumn(columns[c]));
        return new SolveReport($"exact: demeaning by {_big.Name}, {string.Join(", ", _small.Select(s => s.Name))} solved directly ({_offsets[^1]} levels)",
            1, true, 0);
    }

    private void DemeanColumn(double[] x)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        var inverse = _inverseBigWeights;
        var sums = new double[_big.Levels];
        if (w is null) for (int i = 0; i < x.Length; i++) sums[bigCodes[i]] += x[i];
        else for (int i = 0; i < x.Length; i++) sums[bigCodes[i]] += w[i] * x[i];
        for (int l = 0; l < sums.Length; l++) sums[l] *= inverse[l];
        var rhs = new double[_offsets[^1]];
        for (int i = 0; i < x.Length; i++) x[i] -= sums[bigCodes[i]];
        for (int s = 0; s < _smallCodes.Length; s++)
        {
            var codes = _smallCodes[s];
            var part = rhs.AsSpan(_offsets[s]);
            if (w is null) for (int i = 0; i < x.Length; i++) part[codes[i]] += x[i];
            else for (int i = 0; i < x.Length; i++) part[codes[i]] += w[i] * x[i];
        }
        var g = _gram.Solve(rhs);
        // t_i = Σ_s g[s, code_s(i)]: the small effects' fitted part; subtract it net of its mean within the big level.
        var t = new double[x.Length];
        for (int s = 0; s < _smallCodes.Length; s++)
        {
            var codes = _smallCodes[s];
            var part = g.AsSpan(_offsets[s]);
            for (int i = 0; i < t.Length; i++) t[i] += part[codes[i]];
        }
        Array.Clear(sums);
        if (w is null) for (int i = 0; i < t.Length; i++) sums[bigCodes[i]] += t[i];
        else for (int i = 0; i < t.Length; i++) sums[bigCodes[i]] += w[i] * t[i];
        for (int l = 0; l < sums.Length; l++) sums[l] *= inverse[l];
        for (int i = 0; i < x.Length; i++) x[i] -= t[i] - sums[bigCodes[i]];
    }
}
