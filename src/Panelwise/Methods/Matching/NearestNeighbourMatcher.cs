namespace Panelwise.Methods.Matching;

/// <summary>Nearest-neighbour matching on the score, in sample indices. With replacement (psmatch2): each treated unit,
/// in data order, takes its K nearest controls by |p_t - p_c| (ties broken by data order), plus, with
/// <see cref="MatchingSpec.Ties"/>, every control within 1e-10 of the K-th distance; each gets weight 1/m. Without
/// replacement: MatchIt's greedy <c>method = "nearest"</c>, see <see cref="GreedyMatcher"/>. A caliper drops neighbours
/// farther than it; a treated unit with none left is unmatched.</summary>
internal static class NearestNeighbourMatcher
{
    private const double TieTolerance = 1e-10;

    // Wider than the tie tolerance so that the candidate prefix surely holds every control a tie rule can reach.
    private const double SearchSlack = 1e-9;

    public static (List<(int Treated, int Control, double Weight)> Pairs, int WithTies) Match(double[] scores, bool[] treated, bool[] eligible,
        MatchingSpec spec, IProgress<string>? progress = null)
    {
        if (!spec.Replace) return GreedyMatcher.Match(scores, treated, eligible, spec, progress);
        var controls = new SortedControls(scores, Enumerable.Range(0, scores.Length).Where(i => !treated[i]));
        var pairs = new List<(int, int, double)>();
        int withTies = 0, done = 0;
        var units = Order(scores, treated, eligible, spec).ToList();
        foreach (int t in units)
        {
            if (++done % 1000 == 0) progress?.Report($"matching {done}/{units.Count} treated units");
            if (controls.Count == 0) continue;
            var candidates = controls.Nearest(scores[t], Math.Max(spec.Neighbours, 2), SearchSlack);
            if (candidates.Count > 1 && candidates[1].Distance - candidates[0].Distance <= TieTolerance) withTies++;
            int take = Math.Min(spec.Neighbours, candidates.Count);
            if (spec.Ties)
                while (take < candidates.Count && candidates[take].Distance - candidates[take - 1].Distance <= TieTolerance
                       && candidates[take].Distance - candidates[spec.Neighbours - 1].Distance <= TieTolerance) take++;
            var chosen = candidates.Take(take).Where(c => spec.Caliper is not { } cal || c.Distance <= cal).ToList();
            foreach (var c in chosen) pairs.Add((t, c.Control, 1.0 / chosen.Count));
        }
        return (pairs, withTies);
    }

    /// <summary>The treated units in the order they choose: data order with replacement; without, by score as MatchIt's
    /// <c>m.order</c> (R's stable <c>order()</c>: equal scores in data order) or shuffled by the seed.</summary>
    internal static IEnumerable<int> Order(double[] scores, bool[] treated, bool[] eligible, MatchingSpec spec)
    {
        var units = Enumerable.Range(0, scores.Length).Where(i => treated[i] && eligible[i]).ToArray();
        if (spec.Replace) return units;
        return spec.Order switch
        {
            "largest" => units.OrderByDescending(i => scores[i]).ThenBy(i => i),
            "smallest" => units.OrderBy(i => scores[i]).ThenBy(i => i),
            "data" => units,
            "random" => Shuffle(units, spec.Seed),
            _ => throw new UserInputException($"Unknown {{Order}} '{spec.Order}': use largest, smallest, data or random."),
        };
    }

    private static int[] Shuffle(int[] units, int seed)
    {
        var random = new Random(seed);
        var order = (int[])units.Clone();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
