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
        int count = Components([a, b]);
        lock (known) known[b] = count;
        return count;
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
