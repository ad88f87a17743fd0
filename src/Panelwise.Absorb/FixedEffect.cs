namespace Panelwise.Absorb;

/// <summary>One absorbed fixed effect: a level code per observation (0..Levels-1, every level present).</summary>
public sealed class FixedEffect
{
    public FixedEffect(string name, int[] codes, int levels)
    {
        Name = name;
        Codes = codes;
        Levels = levels;
    }

    /// <summary>Display name, e.g. "firm" or "id^year".</summary>
    public string Name { get; }

    /// <summary>Level code of each observation.</summary>
    public int[] Codes { get; }

    /// <summary>Number of distinct levels.</summary>
    public int Levels { get; }

    private int[]? _groupStarts;
    private bool _groupStartsKnown;

    /// <summary>When the observations are sorted by this effect (codes 0, 0, 1, 1, 1, 2, ...: a panel sorted by unit),
    /// the first observation of each level followed by the observation count, so level l spans
    /// starts[l]..starts[l+1]; null otherwise. Found once per effect (codes are never modified): the direct solver,
    /// the singleton search and the clustered covariance all use it instead of a pass of their own.</summary>
    public int[]? GroupStarts
    {
        get
        {
            if (_groupStartsKnown) return _groupStarts;
            _groupStarts = FindGroupStarts(Codes, Levels);
            _groupStartsKnown = true;
            return _groupStarts;
        }
    }

    private static int[]? FindGroupStarts(int[] codes, int levels)
    {
        if (codes.Length == 0 || codes[0] != 0 || codes[^1] != levels - 1) return null;
        var starts = new int[levels + 1];
        for (int i = 1; i < codes.Length; i++)
        {
            int step = codes[i] - codes[i - 1];
            if (step == 0) continue;
            if (step != 1) return null;
            starts[codes[i]] = i;
        }
        starts[levels] = codes.Length;
        return starts;
    }

    /// <summary>Observation count per level: from <see cref="GroupStarts"/> without a pass over the observations when
    /// they are sorted by this effect.</summary>
    public int[] LevelCounts()
    {
        var counts = new int[Levels];
        if (GroupStarts is { } starts)
            for (int l = 0; l < counts.Length; l++) counts[l] = starts[l + 1] - starts[l];
        else
            foreach (int code in Codes) counts[code]++;
        return counts;
    }

    /// <summary>Observation count (or total weight) per level.</summary>
    public double[] LevelWeights(ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty) return Array.ConvertAll(LevelCounts(), c => (double)c);
        var sums = new double[Levels];
        var codes = Codes;
        for (int i = 0; i < codes.Length; i++) sums[codes[i]] += weights[i];
        return sums;
    }

    /// <summary>True when every level of this effect lies inside one level of <paramref name="outerCodes"/>
    /// (e.g. firm FE nested in firm clusters), so its parameters cost no cluster-robust degrees of freedom.</summary>
    public bool IsNestedIn(int[] outerCodes)
    {
        // The same codes (an effect that is also the cluster variable): nested without looking.
        if (ReferenceEquals(outerCodes, Codes)) return true;
        var owner = new int[Levels];
        Array.Fill(owner, -1);
        var codes = Codes;
        for (int i = 0; i < codes.Length; i++)
        {
            ref int o = ref owner[codes[i]];
            if (o < 0) o = outerCodes[i];
            else if (o != outerCodes[i]) return false;
        }
        return true;
    }

    /// <summary>The same effect restricted to the kept observations, with levels renumbered densely.</summary>
    public FixedEffect Filter(ReadOnlySpan<bool> keep, int keptCount)
    {
        var map = new int[Levels];
        Array.Fill(map, -1);
        var codes = new int[keptCount];
        int next = 0, j = 0;
        for (int i = 0; i < keep.Length; i++)
        {
            if (!keep[i]) continue;
            int c = Codes[i];
            if (map[c] < 0) map[c] = next++;
            codes[j++] = map[c];
        }
        return new FixedEffect(Name, codes, next);
    }
}
