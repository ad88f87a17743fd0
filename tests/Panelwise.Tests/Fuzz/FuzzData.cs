using System.Globalization;
using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// A small synthetic panel (3-9 units, 3-8 years, occasionally unbalanced) whose columns every generator can name:
/// numeric regressors, instruments, a mediator, weights, a 0/1 treatment, counts and a text region. Each input draws
/// its own, so the data vary with the seed too; a few hundred cells keep one fit to about a millisecond.
/// </summary>
internal sealed class FuzzData
{
    public static readonly string[] Numeric = ["y", "x1", "x2", "x3", "z1", "z2", "m", "w", "d", "cnt", "pos"];
    public static readonly string[] Columns = ["id", "year", .. Numeric, "region"];
    public static readonly string[] Regions = ["east", "west", "north"];

    public List<string[]> Rows { get; } = [];

    public static FuzzData Create(Random rng)
    {
        var data = new FuzzData();
        int units = rng.Next(3, 10), years = rng.Next(3, 9);
        bool unbalanced = rng.NextDouble() < 0.2;
        for (int i = 1; i <= units; i++)
        {
            double ui = Normal(rng);
            string region = Regions[i % Regions.Length];
            for (int t = 0; t < years; t++)
            {
                if (unbalanced && rng.NextDouble() < 0.15) continue;
                double z1 = Normal(rng), z2 = Normal(rng), x2 = Normal(rng) + 0.3 * ui, x3 = rng.NextDouble() * 10;
                double x1 = 0.8 * z1 + 0.4 * z2 + 0.5 * ui + Normal(rng) * 0.5;
                double m = 0.6 * x1 + Normal(rng);
                double y = 1 + 0.5 * x1 - 0.3 * x2 + 0.2 * m + ui + Normal(rng);
                double d = x1 + Normal(rng) > 0 ? 1 : 0;
                data.Rows.Add([
                    Int(i), Int(2000 + t), Num(y), Num(x1), Num(x2), Num(x3), Num(z1), Num(z2), Num(m),
                    Num(0.5 + rng.NextDouble() * 1.5), Int((int)d), Int(rng.Next(0, 20)), Num(Math.Exp(Normal(rng))), region,
                ]);
            }
        }
        return data;
    }

    /// <summary>The data as plain comma-separated text with a header and LF line endings.</summary>
    public string ToCsv(char delimiter = ',', string newline = "\n")
    {
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, Columns)).Append(newline);
        foreach (var row in Rows) text.Append(string.Join(delimiter, row)).Append(newline);
        return text.ToString();
    }

    public static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static string Num(double v) => Math.Round(v, 4).ToString("R", CultureInfo.InvariantCulture);
    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Picking helpers over a seeded <see cref="Random"/>.</summary>
internal static class RandomPick
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;
}
