namespace Panelwise.Methods.Matching;

/// <summary>Radius and kernel matching (<see cref="RadiusKernelMatcher"/>'s definition) without the list of pairs: the
/// per-unit weights psmatch2 calls _weight, 1 for a matched treated unit and K_c = Σ_t w_tc for a control, from which
/// the ATT, the balance table, the matched-sample regression and the --out column all follow. Controls and eligible
/// treated units are each sorted by score once; every unit's neighbourhood among the other group is a run of the sorted
/// array (<see cref="ScoreWindow"/>, binary search). Radius: w_tc = 1/m_t, so K_c is a prefix-sum difference of 1/m_t
/// over the treated run of c. Kernel: D_t = Σ_c K((p_c - p_t)/h) and K_c = Σ_t K((p_c - p_t)/h)/D_t are both kernel
/// sums over a run (<see cref="EpanechnikovSums"/>, O(1) each), summed directly when the run is short or when the
/// expansion's cancellation could cost more than ~1e-13 relative. Cost O((T + C) log(T + C)) whatever the caliper or
/// bandwidth, where the pair list costs O(Σ_t m_t), up to T·C.</summary>
internal static class RadiusKernelWeights
{
    /// <summary>Runs this short are summed directly (cheaper than the expansion and free of its cancellation).</summary>
    private const int DirectRun = 16;

    /// <summary>Largest ratio of the expansion's cancelled terms to its result before the direct sum is used instead.</summary>
    private const double MaxCancellation = 1e3;

    /// <summary>Sample-indexed weights: 1 for matched treated units, K_c for controls, 0 for unmatched units.</summary>
    public static double[] Compute(double[] scores, bool[] treated, bool[] eligible, MatchingSpec spec)
    {
        bool kernel = spec.Method == MatchingMethod.Kernel;
        double width = kernel ? spec.Bandwidth : spec.Caliper!.Value;
        var window = new ScoreWindow(width, kernel);
        var controls = SortedBy(scores, i => !treated[i]);
        var units = SortedBy(scores, i => treated[i] && eligible[i]);
        var cs = controls.Select(i => scores[i]).ToArray();
        var ts = units.Select(i => scores[i]).ToArray();
        var weights = new double[scores.Length];
        var controlSums = kernel ? new EpanechnikovSums(cs, Enumerable.Repeat(1.0, cs.Length).ToArray(), width) : null;
        var inverse = new double[ts.Length];          // 1/D_t (kernel) or 1/m_t (radius); 0 when unmatched
        for (int k = 0; k < ts.Length; k++)
        {
            var (lo, hi) = window.Of(cs, ts[k], queryIsControl: false);
            if (lo == hi) continue;
            weights[units[k]] = 1;
            inverse[k] = 1 / (kernel ? Sum(controlSums!, cs, ts[k], lo, hi, null, width, queryIsControl: false) : hi - lo);
        }
        var treatedSums = kernel ? new EpanechnikovSums(ts, inverse, width) : null;
        var radiusSums = kernel ? null : new CompensatedPrefix(inverse);
        for (int k = 0; k < cs.Length; k++)
        {
            var (lo, hi) = window.Of(ts, cs[k], queryIsControl: true);
            if (lo == hi) continue;
            weights[controls[k]] = kernel ? Sum(treatedSums!, ts, cs[k], lo, hi, inverse, width, queryIsControl: true) : radiusSums!.Range(lo, hi);
        }
        return weights;
    }

    /// <summary>Σ_i m_i K((s_i - q)/h) over the run [lo, hi) (m_i = 1 without <paramref name="m"/>), by the expansion or directly.</summary>
    private static double Sum(EpanechnikovSums sums, double[] sorted, double q, int lo, int hi, double[]? m, double h, bool queryIsControl)
    {
        if (hi - lo > DirectRun)
        {
            var (sum, magnitude) = sums.Query(q, lo, hi);
            if (sum > 0 && magnitude <= MaxCancellation * sum) return sum;
        }
        double direct = 0;
        for (int i = lo; i < hi; i++)
        {
            // The pair loop's own arithmetic: u = |p_t - p_c| / h.
            double u = (queryIsControl ? Math.Abs(sorted[i] - q) : Math.Abs(q - sorted[i])) / h;
            direct += (m?[i] ?? 1) * 0.75 * (1 - u * u);
        }
        return direct;
    }

    private static int[] SortedBy(double[] scores, Func<int, bool> include)
    {
        var index = Enumerable.Range(0, scores.Length).Where(include).ToArray();
        var keys = index.Select(i => scores[i]).ToArray();
        Array.Sort(keys, index);
        return index;
    }
}
