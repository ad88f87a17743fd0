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
        var sums = new double[_big.Levels];
        for (int i = 0; i < x.Length; i++) sums[bigCodes[i]] += w is null ? x[i] : w[i] * x[i];
        for (int l = 0; l < sums.Length; l++) sums[l] *= _inverseBigWeights[l];
        var rhs = new double[_offsets[^1]];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] - sums[bigCodes[i]];
            x[i] = v;
            double wv = w is null ? v : w[i] * v;
            for (int s = 0; s < _small.Count; s++) rhs[_offsets[s] + _small[s].Codes[i]] += wv;
        }
        var g = _gram.Solve(rhs);
        Array.Clear(sums);
        for (int i = 0; i < x.Length; i++)
        {
            double t = SmallEffect(g, i);
            sums[bigCodes[i]] += w is null ? t : w[i] * t;
        }
        for (int l = 0; l < sums.Length; l++) sums[l] *= _inverseBigWeights[l];
        for (int i = 0; i < x.Length; i++) x[i] -= SmallEffect(g, i) - sums[bigCodes[i]];
    }

    private double SmallEffect(double[] g, int i)
    {
        double t = 0;
        for (int s = 0; s < _small.Count; s++) t += g[_offsets[s] + _small[s].Codes[i]];
        return t;
    }
}
