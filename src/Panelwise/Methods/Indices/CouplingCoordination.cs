namespace Panelwise.Methods.Indices;

/// <summary>Coupling degree and coupling-coordination degree of 2 or 3 subsystems whose scores lie in [0, 1].</summary>
/// <remarks>Formula as in Wang, Kong, Ren, Zhi and Dai (2021), "Research on misuses and modification of coupling
/// coordination degree model in China", Journal of Natural Resources 36(3): 793-810, eq. (1), the form
/// C = n [prod U_i]^(1/n) / sum U_i; grading bands from Liao Chongbin (1999), Tropical Geography 19(2): 171-177.</remarks>
public static class CouplingCoordination
{
    /// <summary>The customary ten bands of D, each 0.1 wide, from extreme imbalance to high-quality coordination.</summary>
    public static IReadOnlyList<CouplingBand> Bands { get; } =
    [
        new(0.0, 0.1, "extreme imbalance", "极度失调"),
        new(0.1, 0.2, "serious imbalance", "严重失调"),
        new(0.2, 0.3, "moderate imbalance", "中度失调"),
        new(0.3, 0.4, "mild imbalance", "轻度失调"),
        new(0.4, 0.5, "verge of imbalance", "濒临失调"),
        new(0.5, 0.6, "barely coordinated", "勉强协调"),
        new(0.6, 0.7, "primary coordination", "初级协调"),
        new(0.7, 0.8, "intermediate coordination", "中级协调"),
        new(0.8, 0.9, "good coordination", "良好协调"),
        new(0.9, 1.0, "high-quality coordination", "优质协调"),
    ];

    /// <summary>
    /// C = n (U_1 ... U_n)^(1/n) / (U_1 + ... + U_n) (n = 2: 2 sqrt(U_1 U_2)/(U_1 + U_2)), in [0, 1];
    /// T = sum_i alpha_i U_i; D = sqrt(C T). Rows where every U_i is 0 get C = 0.
    /// </summary>
    /// <param name="subsystems">2 or 3 arrays of subsystem scores in [0, 1], equal lengths.</param>
    /// <param name="alphas">Contribution weights alpha_i summing to 1; null gives 1/n each.</param>
    public static CouplingResult Compute(IReadOnlyList<double[]> subsystems, IReadOnlyList<double>? alphas = null)
    {
        int s = subsystems.Count;
        if (s is < 2 or > 3) throw new UserInputException($"Coupling coordination needs 2 or 3 subsystems; got {s}.");
        alphas ??= Enumerable.Repeat(1.0 / s, s).ToArray();
        if (alphas.Count != s) throw new UserInputException("Give one alpha per subsystem.");
        int n = subsystems[0].Length;
        var c = new double[n];
        var t = new double[n];
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            double product = 1, sum = 0, dev = 0;
            for (int k = 0; k < s; k++)
            {
                double u = subsystems[k][i];
                if (u < 0 || u > 1) throw new UserInputException($"Subsystem {k + 1}, row {i + 1}: score {u} is outside [0, 1]; use min-max normalised subsystem scores.");
                product *= u;
                sum += u;
                dev += alphas[k] * u;
            }
            c[i] = sum == 0 ? 0 : s * Math.Pow(product, 1.0 / s) / sum;
            t[i] = dev;
            d[i] = Math.Sqrt(c[i] * t[i]);
        }
        return new CouplingResult(c, t, d);
    }

    /// <summary>The band containing <paramref name="coordination"/>; NaN has none (null).</summary>
    public static CouplingBand? Grade(double coordination)
    {
        if (double.IsNaN(coordination)) return null;
        foreach (var band in Bands)
            if (coordination < band.Upper) return band;
        return Bands[^1];
    }
}
