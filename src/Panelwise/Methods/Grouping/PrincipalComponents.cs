using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Methods.Grouping;

/// <summary>Principal-component analysis of standardised indicators with the adequacy checks papers report
/// before a factor analysis (KMO and Bartlett), as seed 000 does to classify industries.</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// Eigen-decomposition R = V Lambda V' of the correlation matrix of the columns. Loadings a_jk = v_jk sqrt(lambda_k),
    /// signed so that each component's loadings sum to a non-negative number; standardised scores
    /// f_ik = sum_j z_ij v_jk / sqrt(lambda_k) with z the columns standardised by the sample sd (psych::principal,
    /// rotate = "none"). KMO = sum_{j!=k} r_jk^2 / (sum_{j!=k} r_jk^2 + sum_{j!=k} q_jk^2) with partial correlations
    /// q_jk = -S_jk / sqrt(S_jj S_kk), S = R^-1 (Kaiser 1974, Psychometrika 39: 31-36). Bartlett (1951, JRSS B 13:
    /// 1-8 / 1950 BJP 3: 77-85): chi2 = -(n - 1 - (2p + 5)/6) ln |R| with p(p - 1)/2 degrees of freedom.
    /// </summary>
    /// <param name="columns">One array per variable, equal lengths, no NaN.</param>
    /// <param name="names">Variable names.</param>
    /// <param name="components">Components to retain; null keeps those with eigenvalue &gt; 1 (Kaiser criterion), at least one.</param>
    public static PrincipalComponentsResult Fit(IReadOnlyList<double[]> columns, IReadOnlyList<string> names, int? components = null)
    {
        int p = columns.Count, n = columns[0].Length;
        if (p < 2) throw new UserInputException("Principal components need at least 2 variables.");
        if (n <= p) throw new UserInputException($"Principal components need more rows than variables; there are {n} rows and {p} variables.");
        var z = Standardise(columns, names);
        var corr = Matrix<double>.Build.Dense(p, p, (j, k) => Enumerable.Range(0, n).Sum(i => z[j][i] * z[k][i]) / (n - 1));
        var evd = corr.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var order = Enumerable.Range(0, p).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        var lambda = order.Select(k => evd.EigenValues[k].Real).ToArray();
        var collinear = Collinear(evd, order, names);
        int keep = components ?? Math.Max(1, lambda.Count(l => l > 1));
        if (keep < 1 || keep > p) throw new UserInputException($"Choose between 1 and {p} components; got {keep}.");
        if (lambda[keep - 1] <= SingularEigenvalue * p)
            throw new UserInputException($"Component {keep} has eigenvalue 0: the indicators {string.Join(", ", collinear)} are perfectly collinear, " +
                $"so its standardised scores (divided by the square root of the eigenvalue) are not defined. Keep fewer components ({{Components}} {keep - 1} or auto) or drop one of them.");
        var loadings = new double[p][];
        for (int j = 0; j < p; j++) loadings[j] = new double[keep];
        var scores = new double[keep][];
        for (int k = 0; k < keep; k++)
        {
            var v = evd.EigenVectors.Column(order[k]);
            double sign = v.Sum() < 0 ? -1 : 1;
            double root = Math.Sqrt(lambda[k]);
            for (int j = 0; j < p; j++) loadings[j][k] = sign * v[j] * root;
            scores[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < p; j++) s += z[j][i] * sign * v[j];
                scores[k][i] = s / root;
            }
        }
        var explained = lambda.Select(l => l / p).ToArray();
        var cumulative = new double[p];
        for (int k = 0; k < p; k++) cumulative[k] = explained[k] + (k > 0 ? cumulative[k - 1] : 0);
        // KMO needs R^-1 and Bartlett ln|R|: neither exists when R is singular, so they are left out (NaN) and the caller notes why.
        var (kmo, perVariable) = collinear.Count > 0 ? (double.NaN, Enumerable.Repeat(double.NaN, p).ToArray()) : Kmo(corr);
        var bartlett = collinear.Count > 0 ? new BartlettTest(double.NaN, p * (p - 1) / 2, double.NaN) : Bartlett(corr, n);
        return new PrincipalComponentsResult(names.ToList(), lambda, explained, cumulative, loadings, scores, kmo, perVariable, bartlett)
        {
            CollinearIndicators = collinear,
        };
    }

    /// <summary>Smallest eigenvalue of R, relative to its trace p, at or below which R is singular (perfectly
    /// collinear indicators, e.g. a total listed beside its parts).</summary>
    public const double SingularEigenvalue = 1e-10;

    /// <summary>The indicators of R's null eigenvector (|v_j| > 0.1) when R is singular; empty otherwise.</summary>
    private static List<string> Collinear(MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd, int[] order, IReadOnlyList<string> names)
    {
        int last = order[^1];
        if (evd.EigenValues[last].Real > SingularEigenvalue * names.Count) return [];
        var v = evd.EigenVectors.Column(last);
        return Enumerable.Range(0, names.Count).Where(j => Math.Abs(v[j]) > 0.1).Select(j => names[j]).ToList();
    }

    private static double[][] Standardise(IReadOnlyList<double[]> columns, IReadOnlyList<string> names)
    {
        return columns.Select((x, j) =>
        {
            double mean = x.Average();
            double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            if (!(sd > 0)) throw new UserInputException($"'{names[j]}' is constant, so it has no correlation with anything: drop it.");
            return x.Select(v => (v - mean) / sd).ToArray();
        }).ToArray();
    }

    private static (double Overall, double[] PerVariable) Kmo(Matrix<double> corr)
    {
        int p = corr.RowCount;
        var inverse = corr.Inverse();
        var r2 = new double[p];
        var q2 = new double[p];
        for (int j = 0; j < p; j++)
            for (int k = 0; k < p; k++)
            {
                if (j == k) continue;
                double q = -inverse[j, k] / Math.Sqrt(inverse[j, j] * inverse[k, k]);
                r2[j] += corr[j, k] * corr[j, k];
                q2[j] += q * q;
            }
        return (r2.Sum() / (r2.Sum() + q2.Sum()), r2.Select((r, j) => r / (r + q2[j])).ToArray());
    }

    private static BartlettTest Bartlett(Matrix<double> corr, int n)
    {
        int p = corr.RowCount;
        double chi = -(n - 1 - (2.0 * p + 5) / 6) * Math.Log(corr.Determinant());
        int df = p * (p - 1) / 2;
        // The upper regularised gamma keeps precision for tiny p-values, where 1 - CDF would round to 0.
        return new BartlettTest(chi, df, SpecialFunctions.GammaUpperRegularized(df / 2.0, chi / 2));
    }
}
