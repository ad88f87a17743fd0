using Panelwise.Absorb;

namespace Panelwise.Estimation.Moments;

/// <summary>The unscaled covariance of moment contributions that robust tests are built from:
/// Σ_i s_i s_i' (heteroskedasticity-robust), Σ_g s_g s_g' with s_g = Σ_{i in g} s_i (one-way clusters), and the
/// Cameron-Gelbach-Miller (2011) inclusion-exclusion sum over cluster intersections for multi-way clusters.
/// No finite-sample factor is applied: callers apply the convention of the statistic (ivreg2 applies none to S).</summary>
public static class MomentCovariance
{
    /// <summary>S for score columns <paramref name="scores"/> (each of length n), by observation when
    /// <paramref name="clusters"/> is empty.</summary>
    public static double[,] Compute(IReadOnlyList<double[]> scores, IReadOnlyList<FixedEffect> clusters)
    {
        int p = scores.Count;
        var total = new double[p, p];
        if (clusters.Count == 0)
        {
            Accumulate(total, scores, 1);
            return total;
        }
        int subsets = 1 << clusters.Count;
        for (int mask = 1; mask < subsets; mask++)
        {
            var members = Enumerable.Range(0, clusters.Count).Where(j => (mask & (1 << j)) != 0).Select(j => clusters[j]).ToList();
            var cluster = members.Count == 1 ? members[0] : Intersect(members);
            var sums = scores.Select(s =>
            {
                var g = new double[cluster.Levels];
                for (int i = 0; i < s.Length; i++) g[cluster.Codes[i]] += s[i];
                return g;
            }).ToList();
            Accumulate(total, sums, members.Count % 2 == 1 ? 1 : -1);
        }
        return total;
    }

    private static void Accumulate(double[,] total, IReadOnlyList<double[]> columns, double sign)
    {
        int p = columns.Count;
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                double s = 0;
                var ca = columns[a];
                var cb = columns[b];
                for (int i = 0; i < ca.Length; i++) s += ca[i] * cb[i];
                total[a, b] += sign * s;
                if (a != b) total[b, a] += sign * s;
            }
    }

    /// <summary>The intersection of several cluster variables as one: a level per distinct combination of their codes,
    /// numbered in order of first appearance (the multi-way terms of Cameron, Gelbach and Miller 2011).</summary>
    public static FixedEffect Intersect(IReadOnlyList<FixedEffect> members)
    {
        int n = members[0].Codes.Length;
        var map = new Dictionary<long, int>();
        var codes = new int[n];
        for (int i = 0; i < n; i++)
        {
            long key = 0;
            foreach (var m in members) key = key * m.Levels + m.Codes[i];
            if (!map.TryGetValue(key, out int c)) { c = map.Count; map.Add(key, c); }
            codes[i] = c;
        }
        return new FixedEffect(string.Join("#", members.Select(m => m.Name)), codes, map.Count);
    }
}
