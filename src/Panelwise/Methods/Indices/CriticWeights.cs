namespace Panelwise.Methods.Indices;

/// <summary>CRITIC weights (CRiteria Importance Through Intercriteria Correlation) on normalised indicators.</summary>
/// <remarks>Diakoulaki, Mavrotas and Papayannakis (1995), "Determining objective weights in multiple criteria
/// problems: the CRITIC method", Computers &amp; Operations Research 22(7): 763-770, eqs. (1)-(3).</remarks>
public static class CriticWeights
{
    /// <summary>
    /// C_j = sigma_j sum_k (1 - r_jk), w_j = C_j / sum_k C_k, where sigma_j is the sample standard deviation (n - 1)
    /// of the normalised indicator j and r_jk the Pearson correlation of indicators j and k. The choice of n or n - 1
    /// cancels in w_j. A constant indicator has sigma_j = 0 and weight 0; its correlations are taken as 0.
    /// </summary>
    /// <exception cref="UserInputException">Fewer than two rows, non-finite values, or every indicator constant.</exception>
    public static CriticResult Compute(IReadOnlyList<double[]> columns)
    {
        int m = columns.Count;
        if (m == 0) throw new UserInputException("CRITIC needs at least one indicator.");
        int n = columns[0].Length;
        if (n < 2) throw new UserInputException($"CRITIC needs at least 2 rows; there are {n}.");
        var mean = new double[m];
        var sd = new double[m];
        var constant = new bool[m];
        for (int j = 0; j < m; j++)
        {
            var x = columns[j];
            if (x.Length != n) throw new ArgumentException("All indicators must have the same number of rows.");
            if (x.Any(v => !double.IsFinite(v))) throw new UserInputException($"CRITIC needs finite values; indicator {j + 1} has a non-finite value.");
            mean[j] = x.Average();
            double ss = 0;
            foreach (double v in x) ss += (v - mean[j]) * (v - mean[j]);
            sd[j] = Math.Sqrt(ss / (n - 1));
            constant[j] = x.All(v => v == x[0]);
            if (constant[j]) sd[j] = 0;
        }
        var conflict = new double[m];
        var info = new double[m];
        for (int j = 0; j < m; j++)
        {
            double c = 0;
            for (int k = 0; k < m; k++)
                c += 1.0 - Correlation(columns[j], columns[k], mean[j], mean[k], sd[j], sd[k], n, j == k);
            conflict[j] = c;
            info[j] = sd[j] * c;
        }
        double total = info.Sum();
        if (!(total > 0)) throw new UserInputException("Every indicator is constant (or all are perfectly correlated), so CRITIC has nothing to weight.");
        return new CriticResult(sd, conflict, info, info.Select(c => c / total).ToArray(), constant);
    }

    private static double Correlation(double[] a, double[] b, double ma, double mb, double sa, double sb, int n, bool same)
    {
        if (same) return 1.0;
        if (sa == 0 || sb == 0) return 0.0;
        double s = 0;
        for (int i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb);
        return s / (n - 1) / (sa * sb);
    }
}
