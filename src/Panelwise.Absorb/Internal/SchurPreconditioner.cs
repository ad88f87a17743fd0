namespace Panelwise.Absorb.Internal;

/// <summary>Block-Jacobi preconditioner of the Schur complement S = D'W M_B D: the exact diagonal for the large
/// effects (firm), and the exact dense block for the small ones (year), factored once. The small block matters: a
/// worker's years are consecutive, so after removing worker means the year unknowns are strongly coupled and a
/// diagonal would leave that coupling to the iterations. Levels whose S diagonal vanishes (a firm whose workers never
/// leave it is absorbed by the worker effect) get a zero inverse, which drops a redundant unknown.</summary>
internal sealed class SchurPreconditioner
{
    private const double RedundantPivot = 1e-10;
    private readonly double[] _inverseDiagonal;
    private readonly int _smallStart;
    private readonly SmallCholesky? _small;

    /// <param name="big">The eliminated effect.</param>
    /// <param name="large">Effects preconditioned by their diagonal (levels 0.. in the operator's order).</param>
    /// <param name="small">Effects solved as one dense block (their levels follow the large ones).</param>
    /// <param name="weights">Observation weights, or null.</param>
    /// <param name="inverseBigWeights">1 / total weight of each level of <paramref name="big"/>.</param>
    public SchurPreconditioner(FixedEffect big, IReadOnlyList<FixedEffect> large, IReadOnlyList<FixedEffect> small,
        double[]? weights, double[] inverseBigWeights)
    {
        _smallStart = large.Sum(e => e.Levels);
        _inverseDiagonal = Diagonal(big, large, weights, inverseBigWeights, _smallStart);
        if (small.Count > 0)
        {
            var offsets = new int[small.Count + 1];
            for (int s = 0; s < small.Count; s++) offsets[s + 1] = offsets[s] + small[s].Levels;
            _small = SmallCholesky.Factor(PartialledGram.Compute(big, small, offsets, weights, inverseBigWeights, PartialledGram.IsGrouped(big.Codes)));
            SmallSize = offsets[^1];
        }
    }

    public int SmallSize { get; }

    /// <summary>z = M⁻¹ r for column <paramref name="c"/> of K interleaved columns; the scratch spans hold SmallSize values.</summary>
    public void Apply(double[] r, double[] z, int k, int c, Span<double> rhs, Span<double> sol, Span<double> tmp)
    {
        for (int l = 0; l < _smallStart; l++) z[l * k + c] = _inverseDiagonal[l] * r[l * k + c];
        if (_small is null) return;
        for (int j = 0; j < SmallSize; j++) rhs[j] = r[(_smallStart + j) * k + c];
        _small.Solve(rhs, sol, tmp);
        for (int j = 0; j < SmallSize; j++) z[(_smallStart + j) * k + c] = sol[j];
    }

    /// <summary>S_ll = W_l - Σ_b W_bl² / W_b over the B levels b, visiting the rows group by group of B.</summary>
    private static double[] Diagonal(FixedEffect big, IReadOnlyList<FixedEffect> large, double[]? weights, double[] inverseBigWeights, int size)
    {
        var diagonal = new double[size];
        var total = new double[size];
        var mass = new double[size];
        var touched = new int[size];
        var offsets = new int[large.Count];
        for (int e = 1; e < large.Count; e++) offsets[e] = offsets[e - 1] + large[e - 1].Levels;
        var bigCodes = big.Codes;
        var order = PartialledGram.IsGrouped(bigCodes) ? null : PartialledGram.GroupOrder(big);
        int n = bigCodes.Length, start = 0;
        while (start < n)
        {
            int level = bigCodes[order is null ? start : order[start]];
            int end = start + 1;
            while (end < n && bigCodes[order is null ? end : order[end]] == level) end++;
            int distinct = 0;
            for (int p = start; p < end; p++)
            {
                int i = order is null ? p : order[p];
                double wi = weights is null ? 1.0 : weights[i];
                for (int e = 0; e < large.Count; e++)
                {
                    int l = offsets[e] + large[e].Codes[i];
                    if (mass[l] == 0) touched[distinct++] = l;
                    mass[l] += wi;
                    total[l] += wi;
                }
            }
            double inv = inverseBigWeights[level];
            for (int u = 0; u < distinct; u++)
            {
                int l = touched[u];
                diagonal[l] -= mass[l] * mass[l] * inv;
                mass[l] = 0;
            }
            start = end;
        }
        for (int l = 0; l < size; l++)
        {
            double d = total[l] + diagonal[l];
            diagonal[l] = d > RedundantPivot * total[l] ? 1.0 / d : 0.0;
        }
        return diagonal;
    }
}
