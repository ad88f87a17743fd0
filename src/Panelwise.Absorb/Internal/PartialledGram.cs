namespace Panelwise.Absorb.Internal;

/// <summary>A = D'WD - Σ_b c_b c_b' / W_b: the Gram matrix of the small effects' dummies after demeaning by the big
/// effect. Observations are grouped by big level (counting sort), and each group adds the outer product of its
/// distinct small-level weights, so the cost is Σ_b (distinct levels in b)², not N x L.</summary>
internal static class PartialledGram
{
    public static double[,] Compute(FixedEffect big, IReadOnlyList<FixedEffect> small, int[] offsets, double[]? weights, double[] inverseBigWeights)
    {
        int n = big.Codes.Length, size = offsets[^1];
        var a = new double[size, size];
        var start = new int[big.Levels + 1];
        foreach (int c in big.Codes) start[c + 1]++;
        for (int l = 0; l < big.Levels; l++) start[l + 1] += start[l];
        var order = new int[n];
        var next = (int[])start.Clone();
        for (int i = 0; i < n; i++) order[next[big.Codes[i]]++] = i;
        var mass = new double[size];
        var touched = new int[size];
        for (int l = 0; l < big.Levels; l++)
        {
            int distinct = 0;
            for (int p = start[l]; p < start[l + 1]; p++)
            {
                int i = order[p];
                double wi = weights is null ? 1.0 : weights[i];
                for (int s = 0; s < small.Count; s++)
                {
                    int k = offsets[s] + small[s].Codes[i];
                    if (mass[k] == 0) touched[distinct++] = k;
                    mass[k] += wi;
                    a[k, k] += wi;
                }
            }
            double inv = inverseBigWeights[l];
            for (int u = 0; u < distinct; u++)
            {
                int ku = touched[u];
                double mu = mass[ku] * inv;
                for (int v = 0; v < distinct; v++) a[ku, touched[v]] -= mu * mass[touched[v]];
            }
            for (int u = 0; u < distinct; u++) mass[touched[u]] = 0;
        }
        return a;
    }
}
