using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;

namespace Panelwise.Inference.Bootstrap;

/// <summary>How absorbed fixed effects that are not nested in the bootstrap clusters mix them, as a low-rank term.
/// Split the effects into A (at most one, nested in the clusters) and B (the others, m levels in all, columns of
/// dummies). For a vector u orthogonal to every dummy (a residual of the absorbed fit) and weights v constant within
/// clusters, A'(u∘v) = 0, so M_D(u∘v) = u∘v - B̃ (B̃'B̃)⁺ B'(u∘v) with B̃ = M_A B; and for q orthogonal to the dummies,
/// Σ_{i∈g} q_i B̃_i = Σ_{i∈g} q_i B_i. Hence q_g'(M_D(u∘v))_g = c_g v_g - L_g (B̃'B̃)⁺ Σ_h R_h v_h with the G x m cross
/// tables L_g = Σ_{i∈g} q_i B_i and R_h = Σ_{i∈h} u_i B_i: O(G·m) per bootstrap draw instead of G demeaning passes and a
/// G x G matrix (the partialling-out of the fixed effects in Roodman et al. 2019, sec. 3.3, extended to effects that
/// are not nested). B̃'B̃ = B'B - Σ_a n_a n_a' / N_a, n_a the B-level counts of A-group a (or B'B when A is empty).
/// Cost: one pass over the rows for B̃'B̃ and one per cross table.</summary>
internal sealed class FixedEffectMixing
{
    /// <summary>Largest m handled (an m x m pseudo-inverse); above it the caller demeans per cluster instead.</summary>
    public const int MaxLevels = 1500;

    private readonly IReadOnlyList<FixedEffect> _mixing;
    private readonly int[] _offsets;

    private FixedEffectMixing(IReadOnlyList<FixedEffect> mixing, int[] offsets, int levels, Matrix<double> inverse)
    {
        _mixing = mixing;
        _offsets = offsets;
        Levels = levels;
        Inverse = inverse;
    }

    /// <summary>m, the dummy columns of the non-nested effects.</summary>
    public int Levels { get; }

    /// <summary>(B̃'B̃)⁺, m x m.</summary>
    public Matrix<double> Inverse { get; }

    /// <summary>The low-rank form, or null when more than one effect is nested in the clusters or m exceeds
    /// <see cref="MaxLevels"/>.</summary>
    public static FixedEffectMixing? Create(IReadOnlyList<FixedEffect> effects, FixedEffect cluster)
    {
        var nested = effects.Where(fe => fe.IsNestedIn(cluster.Codes)).ToList();
        var mixing = effects.Where(fe => !fe.IsNestedIn(cluster.Codes)).ToList();
        if (nested.Count > 1 || mixing.Count == 0) return null;
        var offsets = new int[mixing.Count];
        int m = 0;
        for (int j = 0; j < mixing.Count; j++) { offsets[j] = m; m += mixing[j].Levels; }
        if (m > MaxLevels) return null;
        var gram = new double[m, m];
        int n = cluster.Codes.Length;
        for (int i = 0; i < n; i++)
            for (int a = 0; a < mixing.Count; a++)
            {
                int ca = offsets[a] + mixing[a].Codes[i];
                for (int b = 0; b < mixing.Count; b++) gram[ca, offsets[b] + mixing[b].Codes[i]] += 1;
            }
        if (nested.Count == 1) SubtractWithinGroups(gram, nested[0], mixing, offsets, m);
        return new FixedEffectMixing(mixing, offsets, m, PseudoInverse(Matrix<double>.Build.DenseOfArray(gram)));
    }

    /// <summary>Σ_{i∈g} values_i B_i as a G x m row-major table.</summary>
    public double[] CrossTable(double[] values, int[] clusterCodes, int clusters)
    {
        var table = new double[(long)clusters * Levels];
        for (int i = 0; i < values.Length; i++)
        {
            long row = (long)clusterCodes[i] * Levels;
            for (int j = 0; j < _mixing.Count; j++) table[row + _offsets[j] + _mixing[j].Codes[i]] += values[i];
        }
        return table;
    }

    /// <summary>gram -= Σ_a n_a n_a' / N_a over the groups of the nested effect.</summary>
    private static void SubtractWithinGroups(double[,] gram, FixedEffect nested, IReadOnlyList<FixedEffect> mixing, int[] offsets, int m)
    {
        int n = nested.Codes.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = (int[])nested.Codes.Clone();
        Array.Sort(keys, order);
        var counts = new double[m];
        var touched = new List<int>();
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end < n && keys[end] == keys[start]) end++;
            foreach (int i in order.AsSpan(start, end - start))
                for (int j = 0; j < mixing.Count; j++)
                {
                    int c = offsets[j] + mixing[j].Codes[i];
                    if (counts[c] == 0) touched.Add(c);
                    counts[c] += 1;
                }
            double size = end - start;
            foreach (int a in touched)
                foreach (int b in touched) gram[a, b] -= counts[a] * counts[b] / size;
            foreach (int c in touched) counts[c] = 0;
            touched.Clear();
            start = end;
        }
    }

    /// <summary>Moore-Penrose inverse of a symmetric positive semi-definite matrix (the dummies are redundant with each
    /// other and with A), eigenvalues below 1e-10 of the largest treated as zero.</summary>
    private static Matrix<double> PseudoInverse(Matrix<double> gram)
    {
        var evd = gram.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(e => e.Real).ToArray();
        double cut = 1e-10 * values.Max(Math.Abs);
        var inv = values.Select(e => e > cut ? 1 / e : 0).ToArray();
        var v = evd.EigenVectors;
        var result = v * Matrix<double>.Build.DenseOfDiagonalArray(inv) * v.Transpose();
        return (result + result.Transpose()) * 0.5;
    }
}
