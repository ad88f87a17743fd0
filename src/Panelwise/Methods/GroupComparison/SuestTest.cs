using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Methods.GroupComparison;

/// <summary>Stata <c>suest</c> for two groups: each equation's score ψ_i = (X'WX)⁻¹ x_i w_i e_i (fixed effects
/// partialled out), summed within clusters across both equations (each observation its own cluster without a
/// cluster variable), V = G/(G-1) Σ_c u_c u_c' with u_c = (Σ_{i∈A,c} ψ_i, Σ_{i∈B,c} ψ_i) and no (N-1)/(N-K)
/// factor; then W = (b_A - b_B)² / (V_AA + V_BB - 2 V_AB), chi2(1). Clusters spanning both groups create the
/// cross-covariance V_AB (the reading of suest in tests/reference/oracle/README.md).</summary>
internal static class SuestTest
{
    /// <summary>One test per coefficient the two fits share; <paramref name="clusters"/> holds the cluster code of every
    /// frame row (null = each observation its own cluster), rowsA/rowsB the frame row of each fit's observations.</summary>
    public static IEnumerable<EqualityTest> Run(GroupFit a, int[] rowsA, GroupFit b, int[] rowsB, int[]? clusters)
    {
        var psiA = Scores(a.Result.Fit);
        var psiB = Scores(b.Result.Fit);
        var terms = a.Result.Fit.Terms.Intersect(b.Result.Fit.Terms).ToList();
        // Cluster ids: frame-level codes, or the frame row itself (groups are disjoint, so rows never coincide).
        int Id(int row) => clusters is null ? row : clusters[row];
        foreach (var term in terms)
        {
            int ja = IndexOf(a.Result.Fit.Terms, term), jb = IndexOf(b.Result.Fit.Terms, term);
            var sumA = new Dictionary<int, double>();
            var sumB = new Dictionary<int, double>();
            for (int i = 0; i < rowsA.Length; i++) Add(sumA, Id(rowsA[i]), psiA[i, ja]);
            for (int i = 0; i < rowsB.Length; i++) Add(sumB, Id(rowsB[i]), psiB[i, jb]);
            var ids = sumA.Keys.Union(sumB.Keys).ToList();
            double g = ids.Count, vaa = 0, vbb = 0, vab = 0;
            foreach (int id in ids)
            {
                double ua = sumA.GetValueOrDefault(id), ub = sumB.GetValueOrDefault(id);
                vaa += ua * ua; vbb += ub * ub; vab += ua * ub;
            }
            double factor = g / (g - 1);
            double d = a.Result.Fit.Coefficients[ja] - b.Result.Fit.Coefficients[jb];
            double w = d * d / (factor * (vaa + vbb - 2 * vab));
            yield return new EqualityTest("suest", term, (a.Group, b.Group), w, 1, double.NaN, TailProbability.ChiSquaredUpper(w, 1));
        }
    }

    /// <summary>ψ (n × K): row i = (X'WX)⁻¹ x_i w_i e_i.</summary>
    private static double[,] Scores(LinearFit fit)
    {
        int n = fit.Nobs, k = fit.K;
        var psi = new double[n, k];
        for (int i = 0; i < n; i++)
        {
            double we = (fit.Weights is null ? 1 : fit.Weights[i]) * fit.Residuals[i];
            for (int r = 0; r < k; r++)
            {
                double s = 0;
                for (int c = 0; c < k; c++) s += fit.Bread[r, c] * fit.Columns[c][i];
                psi[i, r] = s * we * fit.Scale(r); // scores of the coefficient in the data's units
            }
        }
        return psi;
    }

    private static void Add(Dictionary<int, double> sums, int id, double value) =>
        sums[id] = sums.GetValueOrDefault(id) + value;

    private static int IndexOf(IReadOnlyList<string> terms, string term)
    {
        for (int i = 0; i < terms.Count; i++) if (terms[i] == term) return i;
        return -1;
    }
}
