namespace Panelwise.Absorb.Internal;

/// <summary>The normal equations of one large effect F (firm) after the largest effect B (worker) and the small
/// effects S (year) are eliminated exactly: T = S_FF - S_FS S_SS⁻ S_SF, with S = D'W M_B D. S_FF is sparse (two firms
/// meet only through a worker who worked at both: the movers), S_FS is a dense L_F x L_S table and S_SS a small dense
/// block, so a product with T costs about nnz(S_FF) + 2 L_F L_S per column instead of two passes over the rows.
/// Built once in one grouped pass (Σ_b |F_b| |S_b| work). Any generalised inverse of the singular S_SS gives the same
/// T, because the columns of S_SF lie in the range of S_SS (S is positive semi-definite).</summary>
internal sealed partial class ExplicitSchur
{
    private readonly int _levels, _small;
    private readonly double[] _diagonal, _total;
    private readonly int[] _rowStart = [], _column = [];
    private readonly double[] _value = [];
    private readonly double[] _cross; // S_FS, row-major L_F x L_S
    private readonly SmallCholesky _smallBlock;
    private readonly double[] _inverseDiagonal = [];

    /// <param name="big">Eliminated effect B.</param>
    /// <param name="large">The one large effect F kept in the iterations.</param>
    /// <param name="small">Small effects S, eliminated through their dense block.</param>
    /// <param name="smallBlock">Cholesky of S_SS (from <see cref="PartialledGram"/>).</param>
    /// <param name="weights">Observation weights, or null.</param>
    /// <param name="inverseBigWeights">1 / total weight of each level of B.</param>
    public ExplicitSchur(FixedEffect big, FixedEffect large, IReadOnlyList<FixedEffect> small, SmallCholesky smallBlock,
        double[]? weights, double[] inverseBigWeights)
    {
        _levels = large.Levels;
        var smallOffsets = new int[small.Count + 1];
        for (int s = 0; s < small.Count; s++) smallOffsets[s + 1] = smallOffsets[s] + small[s].Levels;
        _small = smallOffsets[^1];
        _smallBlock = smallBlock;
        _diagonal = new double[_levels];
        _total = new double[_levels];
        _cross = new double[_levels * _small];
        var keys = new List<long>();
        var values = new List<double>();
        var fMass = new double[_levels];
        var sMass = new double[Math.Max(1, _small)];
        var fTouched = new int[_levels];
        var sTouched = new int[Math.Max(1, _small)];
        var bigCodes = big.Codes;
        var fCodes = large.Codes;
        var order = PartialledGram.IsGrouped(bigCodes) ? null : PartialledGram.GroupOrder(big);
        int n = bigCodes.Length, start = 0;
        while (start < n)
        {
            int level = bigCodes[order is null ? start : order[start]];
            int end = start + 1;
            while (end < n && bigCodes[order is null ? end : order[end]] == level) end++;
            int nf = 0, ns = 0;
            for (int p = start; p < end; p++)
            {
                int i = order is null ? p : order[p];
                double wi = weights is null ? 1.0 : weights[i];
                int f = fCodes[i];
                if (fMass[f] == 0) fTouched[nf++] = f;
                fMass[f] += wi;
                _diagonal[f] += wi;
                _total[f] += wi;
                for (int s = 0; s < small.Count; s++)
                {
                    int l = smallOffsets[s] + small[s].Codes[i];
                    if (sMass[l] == 0) sTouched[ns++] = l;
                    sMass[l] += wi;
                    _cross[f * _small + l] += wi;
                }
            }
            double inv = inverseBigWeights[level];
            for (int u = 0; u < nf; u++)
            {
                int f = fTouched[u];
                double mf = fMass[f] * inv;
                _diagonal[f] -= mf * fMass[f];
                for (int v = 0; v < nf; v++)
                    if (v != u) { keys.Add((long)f * _levels + fTouched[v]); values.Add(-mf * fMass[fTouched[v]]); }
                for (int v = 0; v < ns; v++) _cross[f * _small + sTouched[v]] -= mf * sMass[sTouched[v]];
            }
            for (int u = 0; u < nf; u++) fMass[fTouched[u]] = 0;
            for (int v = 0; v < ns; v++) sMass[sTouched[v]] = 0;
            start = end;
            // Many F levels per B level (a dense graph, where alternating projections do well anyway): S_FF would
            // outgrow the data, and the row passes are cheaper.
            if (keys.Count > n) { TooDense = true; return; }
        }
        (_rowStart, _column, _value) = Compressed(keys.ToArray(), values.ToArray(), _levels);
        _inverseDiagonal = InverseDiagonal();
    }

    public int Size => _levels;

    /// <summary>True when S_FF would have more entries than the data have rows; the object is then unusable.</summary>
    public bool TooDense { get; }

    /// <summary>Largest L_F x L_S table worth storing, relative to the number of rows.</summary>
    public static bool Fits(long largeLevels, long smallLevels, long rows) => largeLevels * smallLevels <= rows;

    public void Precondition(double[] r, double[] z, int k, int c)
    {
        for (int f = 0; f < _levels; f++) z[f * k + c] = _inverseDiagonal[f] * r[f * k + c];
    }

    /// <summary>b_F - S_FS S_SS⁻ b_S: the right-hand side of T, from the full one (F levels first, then S).</summary>
    public void ReduceRightHandSide(double[] full, int fullStride, double[] reduced, int k, int c, double[] smallScratch)
    {
        for (int f = 0; f < _levels; f++) reduced[f * k + c] = full[f * fullStride + c];
        if (_small == 0) return;
        var b = smallScratch.AsSpan(0, _small);
        var u = smallScratch.AsSpan(_small, _small);
        for (int s = 0; s < _small; s++) b[s] = full[(_levels + s) * fullStride + c];
        _smallBlock.Solve(b, u, smallScratch.AsSpan(2 * _small, _small));
        for (int f = 0; f < _levels; f++)
        {
            double s = 0;
            for (int l = 0; l < _small; l++) s += _cross[f * _small + l] * u[l];
            reduced[f * k + c] -= s;
        }
    }

    /// <summary>The full coefficient vector: γ_F, and γ_S = S_SS⁻ (b_S - S_SF γ_F).</summary>
    public void Recover(double[] gammaF, int k, double[] full, int fullStride, int c, double[] smallScratch)
    {
        for (int f = 0; f < _levels; f++) full[f * fullStride + c] = gammaF[f * k + c];
        if (_small == 0) return;
        var b = smallScratch.AsSpan(0, _small);
        var u = smallScratch.AsSpan(_small, _small);
        for (int s = 0; s < _small; s++) b[s] = full[(_levels + s) * fullStride + c];
        for (int f = 0; f < _levels; f++)
        {
            double g = gammaF[f * k + c];
            for (int s = 0; s < _small; s++) b[s] -= _cross[f * _small + s] * g;
        }
        _smallBlock.Solve(b, u, smallScratch.AsSpan(2 * _small, _small));
        for (int s = 0; s < _small; s++) full[(_levels + s) * fullStride + c] = u[s];
    }

    private double[] InverseDiagonal()
    {
        var inverse = new double[_levels];
        var row = new double[_small];
        var sol = new double[_small];
        var tmp = new double[_small];
        for (int f = 0; f < _levels; f++)
        {
            double d = _diagonal[f];
            if (_small > 0)
            {
                Array.Copy(_cross, f * _small, row, 0, _small);
                _smallBlock.Solve(row, sol, tmp);
                for (int s = 0; s < _small; s++) d -= row[s] * sol[s];
            }
            // A firm whose workers never leave it is absorbed by the worker effect: its unknown is redundant.
            inverse[f] = d > 1e-10 * _total[f] ? 1.0 / d : 0.0;
        }
        return inverse;
    }

    private static (int[], int[], double[]) Compressed(long[] keys, double[] values, int levels)
    {
        Array.Sort(keys, values);
        var rowStart = new int[levels + 1];
        var column = new List<int>();
        var value = new List<double>();
        for (int j = 0; j < keys.Length;)
        {
            long key = keys[j];
            double sum = 0;
            for (; j < keys.Length && keys[j] == key; j++) sum += values[j];
            rowStart[(int)(key / levels) + 1]++;
            column.Add((int)(key % levels));
            value.Add(sum);
        }
        for (int f = 0; f < levels; f++) rowStart[f + 1] += rowStart[f];
        return (rowStart, column.ToArray(), value.ToArray());
    }
}
