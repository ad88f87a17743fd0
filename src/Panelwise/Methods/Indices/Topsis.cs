namespace Panelwise.Methods.Indices;

/// <summary>TOPSIS relative closeness to the ideal solution, on indicators already normalised so that larger is better.</summary>
/// <remarks>Hwang and Yoon (1981), Multiple Attribute Decision Making: Methods and Applications, Springer, ch. 3.3.
/// The entropy-TOPSIS practice of the applied literature replaces Hwang and Yoon's vector normalisation by the
/// min-max normalisation of the weights step, which is what callers pass here.</remarks>
public static class Topsis
{
    /// <summary>
    /// v_ij = w_j z_ij; V+_j = max_i v_ij, V-_j = min_i v_ij; D+_i = sqrt(sum_j (v_ij - V+_j)^2),
    /// D-_i = sqrt(sum_j (v_ij - V-_j)^2); closeness C_i = D-_i / (D+_i + D-_i), in [0, 1].
    /// A row that is both the ideal and the anti-ideal (all indicators constant) gets 0.5.
    /// </summary>
    /// <param name="columns">One array per indicator (larger = better), equal lengths.</param>
    /// <param name="weights">One weight per indicator.</param>
    public static double[] Closeness(IReadOnlyList<double[]> columns, IReadOnlyList<double> weights)
    {
        int m = columns.Count;
        if (m == 0 || weights.Count != m) throw new UserInputException("TOPSIS needs one weight per indicator and at least one indicator.");
        int n = columns[0].Length;
        var best = new double[m];
        var worst = new double[m];
        for (int j = 0; j < m; j++)
        {
            best[j] = double.NegativeInfinity;
            worst[j] = double.PositiveInfinity;
            foreach (double z in columns[j])
            {
                double v = weights[j] * z;
                best[j] = Math.Max(best[j], v);
                worst[j] = Math.Min(worst[j], v);
            }
        }
        var closeness = new double[n];
        for (int i = 0; i < n; i++)
        {
            double dPlus = 0, dMinus = 0;
            for (int j = 0; j < m; j++)
            {
                double v = weights[j] * columns[j][i];
                dPlus += (v - best[j]) * (v - best[j]);
                dMinus += (v - worst[j]) * (v - worst[j]);
            }
            dPlus = Math.Sqrt(dPlus);
            dMinus = Math.Sqrt(dMinus);
            closeness[i] = dPlus + dMinus == 0 ? 0.5 : dMinus / (dPlus + dMinus);
        }
        return closeness;
    }
}
