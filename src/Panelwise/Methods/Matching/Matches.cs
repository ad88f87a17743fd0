namespace Panelwise.Methods.Matching;

/// <summary>The outcome of matching in sample indices: psmatch2's _weight per unit (1 for a matched treated unit,
/// K_c = Σ_t w_tc for a control, 0 when unmatched or unused), the counts, and the list of pairs (treated, control,
/// w_tc) when it exists: always for nearest neighbours (at most T·K entries), for radius and kernel only when
/// <see cref="MatchingSpec.KeepPairs"/> asks for it.</summary>
internal sealed record Matches(double[] Weights, int TreatedMatched, int ControlsUsed, int WithTies, List<(int Treated, int Control, double Weight)>? Pairs)
{
    public static Matches FromPairs(List<(int Treated, int Control, double Weight)> pairs, int n, int withTies)
    {
        var weights = new double[n];
        foreach (var p in pairs) { weights[p.Treated] = 1; weights[p.Control] += p.Weight; }
        return new Matches(weights, pairs.Select(p => p.Treated).Distinct().Count(), pairs.Select(p => p.Control).Distinct().Count(), withTies, pairs);
    }

    public static Matches FromWeights(double[] weights, bool[] treated, List<(int Treated, int Control, double Weight)>? pairs)
    {
        int matched = 0, used = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0) continue;
            if (treated[i]) matched++; else used++;
        }
        return new Matches(weights, matched, used, 0, pairs);
    }
}
