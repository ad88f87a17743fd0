using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Inference;

/// <summary>Clustered standard errors do not depend on the row order: rows sorted by the cluster unit take the
/// one-pass grouped path (scores summed per run of rows), shuffled rows the per-cluster sums, and both agree, with
/// and without weights. Unbalanced units of 1-9 periods, so runs differ in length.</summary>
public class GroupedClusterMeatTests
{
    private static Frame Panel(bool shuffled)
    {
        var random = new Random(5);
        var rows = new List<double[]>();
        for (int unit = 0; unit < 300; unit++)
        {
            int periods = 1 + random.Next(9);
            for (int t = 0; t < periods; t++)
            {
                double x1 = random.NextDouble(), x2 = random.NextDouble() + 0.01 * unit;
                double e = (random.NextDouble() - 0.5) * (1 + x1);
                rows.Add([unit, 2000 + t, x1, x2, x1 - 0.5 * x2 + 0.02 * unit + 0.1 * t + e, 0.5 + random.NextDouble()]);
            }
        }
        if (shuffled) rows = rows.OrderBy(_ => random.Next()).ToList();
        string[] names = ["id", "year", "x1", "x2", "y", "w"];
        return new Frame(names.Select((name, c) => (Column)new NumericColumn(name, rows.Select(r => r[c]).ToArray())).ToList(), "panel.csv");
    }

    [Theory]
    [InlineData("y ~ x1 + x2 | id + year", null)]
    [InlineData("y ~ x1 + x2 | id + year", "w")]
    [InlineData("y ~ x1 + x2", null)]
    public void SortedAndShuffledRowsGiveTheSameClusteredErrors(string formula, string? weights)
    {
        var options = new FitOptions { Vcov = VcovSpec.Cluster("id"), Weights = weights };
        var sorted = Regression.Fit(Panel(shuffled: false), formula, options)[0];
        var shuffled = Regression.Fit(Panel(shuffled: true), formula, options)[0];
        foreach (var row in sorted.Coefficients)
        {
            var other = shuffled[row.Term]!;
            Assert.Equal(row.Estimate, other.Estimate, 10);
            Assert.Equal(1.0, other.StdError / row.StdError, 10);
        }
    }
}
