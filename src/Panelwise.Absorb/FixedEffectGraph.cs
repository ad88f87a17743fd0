namespace Panelwise.Absorb;

/// <summary>The bipartite graph linking the levels of two fixed effects through shared observations.
/// Its connected components ("mobility groups" in worker-firm panels) each leave one level redundant,
/// so the effects absorb L1 + L2 - components degrees of freedom (Abowd, Creecy and Kramarz 2002; reghdfe).</summary>
public static class FixedEffectGraph
{
    /// <summary>Number of connected components of the graph of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Components(FixedEffect a, FixedEffect b)
    {
        int total = a.Levels + b.Levels;
        var parent = new int[total];
        for (int i = 0; i < total; i++) parent[i] = i;
        int components = total;
        var ca = a.Codes;
        var cb = b.Codes;
        for (int i = 0; i < ca.Length; i++)
        {
            int x = Find(parent, ca[i]);
            int y = Find(parent, a.Levels + cb[i]);
            if (x == y) continue;
            parent[x] = y;
            components--;
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
