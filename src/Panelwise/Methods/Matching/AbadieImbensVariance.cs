namespace Panelwise.Methods.Matching;

/// <summary>The Abadie-Imbens (2006, Econometrica 74: 235-267, Theorem 7; Abadie, Drukker, Herr and Imbens 2004, Stata
/// Journal 4: 290-311, the population-ATT form of nnmatch) variance of nearest-neighbour matching with replacement:
/// V = (1/N₁²) [Σ_treated (y_i - ŷ_i(0) - ATT)² + Σ_controls (K_i² - K'_i) σ̂²_i], with K_i = Σ_t w_ti the control's
/// summed match weights (psmatch2's _weight), K'_i = Σ_t w_ti² (ties give fractional weights), and the conditional
/// variance σ̂²_i = J/(J+1) (y_i - mean of its J nearest other controls by score)² (ties by data order). The score is
/// treated as known, as psmatch2's <c>ai(J)</c> does; Abadie and Imbens (2016, Econometrica 84: 781-807) show the
/// adjustment for an estimated score, which is not applied here (for the ATT it can go either way).</summary>
internal static class AbadieImbensVariance
{
    public static double StdError(IReadOnlyList<(int Treated, int Control, double Weight)> pairs, double[] scores, bool[] treated, double[] y,
        double att, int neighbours)
    {
        var groups = pairs.GroupBy(p => p.Treated).ToList();
        double n1 = groups.Count, sum = 0;
        foreach (var g in groups)
        {
            double e = y[g.Key] - g.Sum(p => p.Weight * y[p.Control]) - att;
            sum += e * e;
        }
        var controls = Enumerable.Range(0, scores.Length).Where(i => !treated[i]).ToArray();
        if (controls.Length <= neighbours)
            throw new UserInputException($"The Abadie-Imbens variance needs more than {neighbours} control(s) to estimate the conditional variance.");
        var sorted = new SortedControls(scores, controls);
        foreach (var c in pairs.GroupBy(p => p.Control))
        {
            double k = c.Sum(p => p.Weight), k2 = c.Sum(p => p.Weight * p.Weight);
            if (k * k - k2 <= 0) continue;
            var near = sorted.Nearest(scores[c.Key], neighbours + 1, 0).Where(n => n.Control != c.Key).Take(neighbours).ToList();
            double mean = near.Average(n => y[n.Control]);
            double sigma2 = neighbours / (neighbours + 1.0) * (y[c.Key] - mean) * (y[c.Key] - mean);
            sum += (k * k - k2) * sigma2;
        }
        return Math.Sqrt(sum) / n1;
    }
}
