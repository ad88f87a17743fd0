namespace Panelwise.Methods.Matching;

/// <summary>Greedy nearest-neighbour matching without replacement, exactly as MatchIt's <c>method = "nearest"</c> on a
/// score (its <c>nn_matchC_vec</c>, read from the MatchIt sources): all units are sorted by score (ties in data order);
/// treated units are visited in <see cref="MatchingSpec.Order"/>, in K rounds of one control each (round r gives every
/// treated unit its r-th control before any gets its (r+1)-th); a treated unit takes the nearest unused control below
/// it in that order (walking down, so among equal scores the latest row) or above it (walking up: the earliest row),
/// the lower one when |p_below - p_t| ≤ |p_above - p_t|. With a caliper, a side whose nearest unused control is
/// farther than the caliper offers none. Pairs are weighted 1/m, m = the controls the treated unit got.
/// This is MatchIt after its upstream fix 4b5b2f8 (2023): MatchIt 4.5.1 as built by Debian compares the distances
/// with C's int abs(), which truncates them to 0, so it always takes the lower control and never applies the
/// caliper (tests/reference/matching/generate.R).</summary>
internal static class GreedyMatcher
{
    private const double TieTolerance = 1e-10;

    public static (List<(int Treated, int Control, double Weight)> Pairs, int WithTies) Match(double[] scores, bool[] treated,
        bool[] eligible, MatchingSpec spec, IProgress<string>? progress = null)
    {
        int n = scores.Length;
        var sorted = Enumerable.Range(0, n).OrderBy(i => scores[i]).ThenBy(i => i).ToArray();
        var position = new int[n];
        for (int p = 0; p < n; p++) position[sorted[p]] = p + 1;
        var free = new FreePositions(n, p => !treated[sorted[p - 1]]);
        var units = NearestNeighbourMatcher.Order(scores, treated, eligible, spec).ToArray();
        var matched = new Dictionary<int, List<int>>();
        var tied = new HashSet<int>();
        int done = 0;
        for (int round = 0; round < spec.Neighbours && free.Any; round++)
            foreach (int t in units)
            {
                if (!free.Any) break;
                if (++done % 1000 == 0) progress?.Report($"matching {done}/{units.Length * spec.Neighbours} (treated unit, round)");
                double s = scores[t];
                double Distance(int p) => Math.Abs(scores[sorted[p - 1]] - s);
                int below = free.Below(position[t] - 1), above = free.Above(position[t] + 1);
                if (below > 0 && spec.Caliper is { } c1 && Distance(below) > c1) below = 0;
                if (above <= n && spec.Caliper is { } c2 && Distance(above) > c2) above = n + 1;
                int k;
                if (below > 0 && above <= n) k = Distance(below) <= Distance(above) ? below : above;
                else if (below > 0) k = below;
                else if (above <= n) k = above;
                else continue;
                if (HasTie(free, k, below, above, n, Distance)) tied.Add(t);
                free.Remove(k);
                if (!matched.TryGetValue(t, out var list)) matched.Add(t, list = []);
                list.Add(sorted[k - 1]);
            }
        var pairs = new List<(int, int, double)>();
        foreach (var (t, controls) in matched)
            foreach (int c in controls) pairs.Add((t, c, 1.0 / controls.Count));
        return (pairs, tied.Count);
    }

    /// <summary>Another unused control as near as the chosen one (within 1e-10): the other side's, or the next on its side.</summary>
    private static bool HasTie(FreePositions free, int k, int below, int above, int n, Func<int, double> distance)
    {
        double d = distance(k);
        if (k == below && above <= n && distance(above) - d <= TieTolerance) return true;
        if (k == above && below > 0 && distance(below) - d <= TieTolerance) return true;
        int next = k == below ? free.Below(k - 1) : free.Above(k + 1);
        return next > 0 && next <= n && distance(next) - d <= TieTolerance;
    }

    /// <summary>The unused controls among sorted positions 1..n: the nearest at or below / at or above a position in
    /// near-constant time (two union-find "skip" arrays with path halving; 0 and n+1 are the sentinels "none").</summary>
    private sealed class FreePositions
    {
        private readonly int[] _down;
        private readonly int[] _up;
        private int _count;

        public FreePositions(int n, Func<int, bool> isControl)
        {
            _down = new int[n + 2];
            _up = new int[n + 2];
            for (int p = 0; p <= n + 1; p++)
            {
                bool open = p == 0 || p == n + 1 || isControl(p);
                _down[p] = open ? p : p - 1;
                _up[p] = open ? p : p + 1;
                if (open && p > 0 && p <= n) _count++;
            }
        }

        public bool Any => _count > 0;

        public int Below(int p) => Find(_down, p);

        public int Above(int p) => Find(_up, p);

        public void Remove(int p)
        {
            _down[p] = p - 1;
            _up[p] = p + 1;
            _count--;
        }

        private static int Find(int[] link, int p)
        {
            while (link[p] != p)
            {
                link[p] = link[link[p]];
                p = link[p];
            }
            return p;
        }
    }
}
