namespace Panelwise.Absorb;

/// <summary>Finds singleton observations: those alone in a level of some fixed effect. Dropping one can create
/// another, so the search repeats until none is left (reghdfe's default; Correia 2015 shows singletons
/// bias the standard errors while leaving the estimates unchanged).</summary>
public static class SingletonFilter
{
    /// <summary>A keep-mask over the observations, and how many were dropped.</summary>
    public static (bool[] Keep, int Dropped) Find(IReadOnlyList<FixedEffect> effects, int n)
    {
        var keep = new bool[n];
        Array.Fill(keep, true);
        int dropped = 0;
        if (effects.Count == 0) return (keep, 0);
        var counts = new int[effects.Count][];
        Parallel.For(0, effects.Count, g => counts[g] = effects[g].LevelCounts());
        // No level with a single observation: nothing to drop, and no pass over the observations to find out.
        bool changed = counts.Any(c => Array.IndexOf(c, 1) >= 0);
        while (changed)
        {
            changed = false;
            for (int g = 0; g < effects.Count; g++)
            {
                var codes = effects[g].Codes;
                var c = counts[g];
                for (int i = 0; i < n; i++)
                {
                    if (!keep[i] || c[codes[i]] != 1) continue;
                    keep[i] = false;
                    dropped++;
                    changed = true;
                    for (int h = 0; h < effects.Count; h++) counts[h][effects[h].Codes[i]]--;
                }
            }
        }
        return (keep, dropped);
    }

}
