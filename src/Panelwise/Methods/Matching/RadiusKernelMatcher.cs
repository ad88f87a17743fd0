namespace Panelwise.Methods.Matching;

/// <summary>Radius and kernel matching on the score, in sample indices, always with replacement (Dehejia and Wahba
/// 2002; Heckman, Ichimura and Todd 1997; psmatch2's <c>radius</c> and <c>kernel</c>). Radius: each treated unit takes
/// every control with |p_t - p_c| ≤ caliper, each weighted 1/m. Kernel: control c gets
/// K((p_c - p_t)/h) / Σ_c' K((p_c' - p_t)/h) with the Epanechnikov K(u) = ¾(1 - u²) for |u| &lt; 1 (psmatch2's default
/// kernel; its constant cancels). A treated unit with no control in the radius or the kernel's window is unmatched,
/// which psmatch2 reports as off support.</summary>
internal static class RadiusKernelMatcher
{
    public static List<(int Treated, int Control, double Weight)> Match(double[] scores, bool[] treated, bool[] eligible, MatchingSpec spec,
        IProgress<string>? progress = null)
    {
        var controls = new SortedControls(scores, Enumerable.Range(0, scores.Length).Where(i => !treated[i]));
        double window = spec.Method == MatchingMethod.Radius ? spec.Caliper!.Value : spec.Bandwidth;
        var pairs = new List<(int, int, double)>();
        for (int t = 0; t < scores.Length; t++)
        {
            if (!treated[t] || !eligible[t]) continue;
            if (t % 1000 == 0) progress?.Report($"matching: row {t}/{scores.Length}");
            var weights = controls.Within(scores[t], window).Select(c => (Control: c, Weight: Kernel(scores[t], scores[c], spec))).Where(c => c.Weight > 0).ToList();
            double total = weights.Sum(c => c.Weight);
            foreach (var c in weights) pairs.Add((t, c.Control, c.Weight / total));
        }
        return pairs;
    }

    private static double Kernel(double pt, double pc, MatchingSpec spec)
    {
        double distance = Math.Abs(pt - pc);
        if (spec.Method == MatchingMethod.Radius) return distance <= spec.Caliper!.Value ? 1 : 0;
        double u = distance / spec.Bandwidth;
        return u < 1 ? 0.75 * (1 - u * u) : 0;
    }
}
