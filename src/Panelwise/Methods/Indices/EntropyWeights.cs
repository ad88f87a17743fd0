namespace Panelwise.Methods.Indices;

/// <summary>The entropy-weight method on already normalised, non-negative indicators.</summary>
/// <remarks>Seed 003 (high-tech industry resilience), eqs. 4-9; the method goes back to Shannon's entropy as used
/// for MCDM weights by Zeleny (1982) and Hwang and Yoon (1981, Multiple Attribute Decision Making, Springer).</remarks>
public static class EntropyWeights
{
    /// <summary>
    /// p_ij = x'_ij / sum_i x'_ij; e_j = -k sum_i p_ij ln p_ij with k = 1/ln n and 0 ln 0 = 0;
    /// d_j = 1 - e_j; w_j = d_j / sum_j d_j (seed 003, eqs. 6-8).
    /// An indicator whose normalised values are all equal carries no information: e_j = 1, d_j = 0, w_j = 0.
    /// </summary>
    /// <param name="columns">One array per indicator, each of the same length n &gt;= 2, values &gt;= 0.</param>
    /// <exception cref="UserInputException">Negative or non-finite values, fewer than two rows, or every indicator constant.</exception>
    public static EntropyResult Compute(IReadOnlyList<double[]> columns)
    {
        int m = columns.Count;
        if (m == 0) throw new UserInputException("The entropy method needs at least one indicator.");
        int n = columns[0].Length;
        if (n < 2) throw new UserInputException($"The entropy method needs at least 2 rows (k = 1/ln n); there are {n}.");
        double k = 1.0 / Math.Log(n);
        var e = new double[m];
        var constant = new bool[m];
        for (int j = 0; j < m; j++)
        {
            var x = columns[j];
            if (x.Length != n) throw new ArgumentException("All indicators must have the same number of rows.");
            double sum = 0, first = x[0];
            bool allEqual = true;
            foreach (double v in x)
            {
                if (!(v >= 0) || double.IsInfinity(v))
                    throw new UserInputException($"The entropy method needs finite, non-negative normalised values; indicator {j + 1} has {v}.");
                sum += v;
                allEqual &= v == first;
            }
            constant[j] = allEqual;
            // All-equal values give p_ij = 1/n and e_j = 1 exactly; computing it would leave rounding noise.
            if (allEqual) { e[j] = 1.0; continue; }
            double acc = 0;
            foreach (double v in x)
            {
                if (v == 0) continue; // 0 ln 0 = 0
                double p = v / sum;
                acc += p * Math.Log(p);
            }
            e[j] = -k * acc;
        }
        var d = new double[m];
        double dSum = 0;
        for (int j = 0; j < m; j++) { d[j] = 1.0 - e[j]; dSum += d[j]; }
        if (!(dSum > 0))
            throw new UserInputException("Every indicator is constant over the sample, so the entropy method has nothing to weight.");
        var w = new double[m];
        for (int j = 0; j < m; j++) w[j] = d[j] / dSum;
        return new EntropyResult(e, d, w, constant);
    }
}
