using System.Runtime.CompilerServices;

namespace Panelwise.Absorb;

/// <summary>The graph linking the levels of fixed effects through shared observations. For two effects its
/// connected components ("mobility groups" in worker-firm panels) each leave one level redundant, so the effects
/// absorb L1 + L2 - components degrees of freedom (Abowd, Creecy and Kramarz 2002; reghdfe's exact rule for two).</summary>
public static class FixedEffectGraph
{
    // Degrees of freedom are asked for several times per fit (residual df, adjusted R², each covariance): count once.
    private static readonly ConditionalWeakTable<FixedEffect, Dictionary<FixedEffect, int>> Cache = new();

    /// <summary>Number of connected components of the graph of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Components(FixedEffect a, FixedEffect b)
    {
        var known = Cache.GetOrCreateValue(a);
        lock (known)
            if (known.TryGetValue(b, out int cached)) return cached;
        int count = a.Levels >= b.Levels ? TwoEffectComponents(a, b) : TwoEffectComponents(b, a);
        lock (known) known[b] = count;
        return count;
    }

    /// <summary>Components of two effects with the union-find over the smaller one's levels only: each level of the
    /// larger effect remembers one small level it meets (joining that level's component, one merge), and every
    /// further small level it meets is united with that one. With few small levels (years) the finds stay in L1,
    /// where a union-find over all levels chases pointers across the larger effect's array on every observation.</summary>
    private static int TwoEffectComponents(FixedEffect large, FixedEffect small)
    {
        var parent = new int[small.Levels];
        for (int l = 0; l < parent.Length; l++) parent[l] = l;
        var met = new int[large.Levels];
        Array.Fill(met, -1);
        int merges = 0, smallMerges = 0;
        var largeCodes = large.Codes;
        var smallCodes = small.Codes;
        int i = 0;
        // Once the small levels form one component (in a panel, after the first few units) no union can succeed:
        // the rest of the rows only join the large levels not met yet.
        for (; i < largeCodes.Length && smallMerges < small.Levels - 1; i++)
        {
            ref int first = ref met[largeCodes[i]];
            if (first < 0)
            {
                first = smallCodes[i];
                merges++;
                continue;
            }
            int x = Find(parent, first);
            int y = Find(parent, smallCodes[i]);
            if (x == y) continue;
            parent[x] = y;
            merges++;
            smallMerges++;
        }
        for (; i < largeCodes.Length; i++)
        {
            ref int first = ref met[largeCodes[i]];
            if (first >= 0) continue;
            first = smallCodes[i];
            merges++;
        }
        return large.Levels + small.Levels - merges;
    }

    /// <summary>Number of connected components of the graph of all <paramref name="effects"/> (levels are nodes, each
    /// observation joins its levels). With three or more effects this is not a rank count, only a description.</summary>
    public static int Components(IReadOnlyList<FixedEffect> effects)
    {
        var offsets = new int[effects.Count + 1];
        for (int e = 0; e < effects.Count; e++) offsets[e + 1] = offsets[e] + effects[e].Levels;
        var parent = new int[offsets[^1]];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int components = parent.Length;
        var first = effects[0].Codes;
        for (int e = 1; e < effects.Count; e++)
        {
            var codes = effects[e].Codes;
            for (int i = 0; i < first.Length; i++)
            {
                int x = Find(parent, first[i]);
                int y = Find(parent, offsets[e] + codes[i]);
                if (x == y) continue;
                parent[x] = y;
                components--;
            }
        }
        return components;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
