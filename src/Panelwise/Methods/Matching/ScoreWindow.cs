namespace Panelwise.Methods.Matching;

/// <summary>The radius/kernel neighbourhood of one unit among units sorted by score, found by binary search. The
/// membership test is exactly the one the direct pair loop of <see cref="RadiusKernelMatcher"/> applies (the pre-filter
/// p_t - w ≤ p_c ≤ p_t + w in floating point, then |p_t - p_c| ≤ w, and for the kernel |p_t - p_c| / h &lt; 1 so that
/// its weight is positive), so the windows agree with it unit for unit, ties and rounding at the edge included. The test
/// is monotone in the other unit's score on each side of the query (every floating-point step in it is), so the
/// neighbours form one contiguous run of the sorted array: O(log n) per unit instead of a scan over all n.</summary>
internal readonly struct ScoreWindow(double width, bool kernel)
{
    /// <summary>Whether control score <paramref name="pc"/> is in treated score <paramref name="pt"/>'s neighbourhood.</summary>
    public bool Inside(double pt, double pc)
    {
        if (!(pc >= pt - width && pc <= pt + width)) return false;
        double distance = Math.Abs(pt - pc);
        return distance <= width && (!kernel || distance / width < 1);
    }

    /// <summary>The run [Lo, Hi) of <paramref name="sorted"/> in the neighbourhood of <paramref name="score"/>; the query
    /// is a treated unit (the sorted units are controls) or, with <paramref name="queryIsControl"/>, a control.</summary>
    public (int Lo, int Hi) Of(double[] sorted, double score, bool queryIsControl)
    {
        int middle = LowerBound(sorted, score);
        int lo = 0, hi = middle;                      // left of the query: the test holds on a suffix
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Test(sorted[mid], score, queryIsControl)) hi = mid; else lo = mid + 1;
        }
        int first = lo;
        lo = middle; hi = sorted.Length;              // at or right of the query: the test holds on a prefix
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Test(sorted[mid], score, queryIsControl)) lo = mid + 1; else hi = mid;
        }
        return (first, lo);
    }

    private bool Test(double other, double score, bool queryIsControl) => queryIsControl ? Inside(other, score) : Inside(score, other);

    private static int LowerBound(double[] sorted, double score)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < score) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
