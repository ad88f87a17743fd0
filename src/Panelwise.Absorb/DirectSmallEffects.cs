using Panelwise.Absorb.Internal;

namespace Panelwise.Absorb;

/// <summary>Exact absorption of one large effect B and small effects S (few levels in all), by Frisch-Waugh-Lovell:
/// demean by B, then remove the projection on the B-demeaned dummies of S, whose Gram matrix
/// A = D'WD - Σ_b c_b c_b' / W_b (c_b = weighted counts of group b over the S levels) is small and dense.
/// Four passes over the data per column and no iteration, where alternating projections would sweep until a
/// tolerance is met. Redundant levels (one per connected component) are detected in the Cholesky factor of A.</summary>
public sealed partial class DirectSmallEffects : IFixedEffectSolver
{
    private readonly FixedEffect _big;
    private readonly IReadOnlyList<FixedEffect> _small;
    private readonly int[][] _smallCodes;
    private readonly int[] _offsets;
    private readonly double[]? _weights;
    private readonly double[] _inverseBigWeights;
    private readonly SmallCholesky _gram;
    private readonly AbsorbOptions _options;
    private readonly int[]? _groupStarts;

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
        _groupStarts = big.GroupStarts;
        _gram = SmallCholesky.Factor(PartialledGram.Compute(big, small, _offsets, weights, _inverseBigWeights, _groupStarts is not null));
    }

    public SolveReport Demean(IReadOnlyList<double[]> columns)
    {
        if (IsPanelCase)
        {
            DemeanPanel(columns, new double[columns.Count], new double[columns.Count], null);
            return Report();
        }
        int threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            if (_groupStarts is not null) DemeanGrouped(columns[c], _groupStarts);
            else DemeanColumn(columns[c]);
        });
        return Report();
    }

    /// <summary>For the id + year case (rows grouped, no weights) the within squares and the shift ride on the last
    /// demeaning pass, saving a read and a write of every column; otherwise demean, then one more pass.</summary>
    public SolveReport DemeanAndShift(IReadOnlyList<double[]> columns, double[]? weights, double[] shifts, double[] withinSquares)
    {
        if (!IsPanelCase) return WithinShift.AfterDemean(this, columns, weights, shifts, withinSquares);
        DemeanPanel(columns, shifts, withinSquares, null);
        return Report();
    }

    /// <summary>In the id + year case the first demeaning pass also gives each column's mean and centred squares
    /// (group means and within-group squares merged as Chan, Golub and LeVeque do), saving a pass over the data.</summary>
    public SolveReport? TryDemeanAroundMeans(IReadOnlyList<double[]> columns, double[] means, double[] centredSquares, double[] withinSquares)
    {
        if (!IsPanelCase) return null;
        DemeanPanel(columns, means, withinSquares, centredSquares);
        return Report();
    }

    private SolveReport Report() => new(
        $"exact: demeaning by {_big.Name}, {string.Join(", ", _small.Select(s => s.Name))} solved directly ({_offsets[^1]} levels)", 1, true, 0);

    /// <summary>Rows grouped by the big effect (panels sorted by unit): each group is demeaned while it sits in cache,
    /// so the data are read twice per column instead of four times.</summary>
    private void DemeanGrouped(double[] x, int[] starts)
    {
        var w = _weights;
        var inverse = _inverseBigWeights;
        var rhs = new double[_offsets[^1]];
        bool one = _smallCodes.Length == 1;
        var codes0 = _smallCodes[0];
        for (int l = 0; l < inverse.Length; l++)
        {
            int s = starts[l], e = starts[l + 1];
            double sum = 0;
            if (w is null) for (int i = s; i < e; i++) sum += x[i];
            else for (int i = s; i < e; i++) sum += w[i] * x[i];
            double mean = sum * inverse[l];
            for (int i = s; i < e; i++)
            {
                double v = x[i] - mean;
                x[i] = v;
                double wv = w is null ? v : w[i] * v;
                if (one) rhs[codes0[i]] += wv;
                else for (int t = 0; t < _smallCodes.Length; t++) rhs[_offsets[t] + _smallCodes[t][i]] += wv;
            }
        }
        var g = _gram.Solve(rhs);
        for (int l = 0; l < inverse.Length; l++)
        {
            int s = starts[l], e = starts[l + 1];
            double acc = 0;
            for (int i = s; i < e; i++)
            {
                double t = one ? g[codes0[i]] : Fitted(g, i);
                acc += w is null ? t : w[i] * t;
            }
            double mean = acc * inverse[l];
            for (int i = s; i < e; i++) x[i] -= (one ? g[codes0[i]] : Fitted(g, i)) - mean;
        }
    }

    /// <summary>Four fused passes: big-level sums; demean and accumulate the small levels' sums; big-level sums of the
    /// fitted small effects; subtract them net of their big-level means. Nothing of length N is allocated.</summary>
    private void DemeanColumn(double[] x)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        var inverse = _inverseBigWeights;
        var sums = new double[_big.Levels];
        GroupSums(x, bigCodes, w, sums);
        for (int l = 0; l < sums.Length; l++) sums[l] *= inverse[l];
        var rhs = new double[_offsets[^1]];
        if (_smallCodes.Length == 1) SubtractAndAccumulateOne(x, sums, rhs);
        else SubtractAndAccumulateMany(x, sums, rhs);
        var g = _gram.Solve(rhs);
        Array.Clear(sums);
        if (_smallCodes.Length == 1) RemoveFittedOne(x, g, sums);
        else RemoveFittedMany(x, g, sums);
    }

    /// <summary>Subtracts the fitted small effect net of its big-level mean, for one small effect (the common
    /// id + year case): direct indexing, no per-row call.</summary>
    private void RemoveFittedOne(double[] x, double[] g, double[] sums)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        var codes = _smallCodes[0];
        int p = 0;
        while (p < x.Length)
        {
            int level = bigCodes[p];
            double acc = 0;
            if (w is null) do { acc += g[codes[p]]; p++; } while (p < x.Length && bigCodes[p] == level);
            else do { acc += w[p] * g[codes[p]]; p++; } while (p < x.Length && bigCodes[p] == level);
            sums[level] += acc;
        }
        var inverse = _inverseBigWeights;
        for (int l = 0; l < sums.Length; l++) sums[l] *= inverse[l];
        for (int i = 0; i < x.Length; i++) x[i] -= g[codes[i]] - sums[bigCodes[i]];
    }

    private void RemoveFittedMany(double[] x, double[] g, double[] sums)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        for (int i = 0; i < x.Length; i++)
        {
            double t = Fitted(g, i);
            sums[bigCodes[i]] += w is null ? t : w[i] * t;
        }
        var inverse = _inverseBigWeights;
        for (int l = 0; l < sums.Length; l++) sums[l] *= inverse[l];
        for (int i = 0; i < x.Length; i++) x[i] -= Fitted(g, i) - sums[bigCodes[i]];
    }

    private void SubtractAndAccumulateOne(double[] x, double[] bigMeans, double[] rhs)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        var codes = _smallCodes[0];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] - bigMeans[bigCodes[i]];
            x[i] = v;
            rhs[codes[i]] += w is null ? v : w[i] * v;
        }
    }

    private void SubtractAndAccumulateMany(double[] x, double[] bigMeans, double[] rhs)
    {
        var w = _weights;
        var bigCodes = _big.Codes;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i] - bigMeans[bigCodes[i]];
            x[i] = v;
            double wv = w is null ? v : w[i] * v;
            for (int s = 0; s < _smallCodes.Length; s++) rhs[_offsets[s] + _smallCodes[s][i]] += wv;
        }
    }

    /// <summary>Σ w_i x_i per level. Runs of equal codes (panels sorted by unit) are summed in a register first:
    /// a scatter-add into the same slot on every row would wait on its own previous store.</summary>
    private static void GroupSums(double[] x, int[] codes, double[]? w, double[] sums)
    {
        int i = 0;
        while (i < x.Length)
        {
            int level = codes[i];
            double acc = 0;
            if (w is null) do { acc += x[i]; i++; } while (i < x.Length && codes[i] == level);
            else do { acc += w[i] * x[i]; i++; } while (i < x.Length && codes[i] == level);
            sums[level] += acc;
        }
    }

    /// <summary>Σ_s g[s, code_s(i)]: the small effects' fitted value at observation i.</summary>
    private double Fitted(double[] g, int i)
    {
        double t = 0;
        for (int s = 0; s < _smallCodes.Length; s++) t += g[_offsets[s] + _smallCodes[s][i]];
        return t;
    }
}
