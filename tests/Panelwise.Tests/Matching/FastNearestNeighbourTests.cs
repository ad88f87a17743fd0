using Panelwise.Data;
using Panelwise.Methods.Matching;
using Xunit;

namespace Panelwise.Tests.Matching;

/// <summary>The sorted-controls search gives exactly the pairs of the plain definition (every control sorted by
/// |p_t - p_c| and then data index, for each treated unit), including the tie rules, on data with many identical scores
/// (discrete covariates) and on continuous data. Matching without replacement follows MatchIt: GreedyMatchingTests.</summary>
public class FastNearestNeighbourTests
{
    private static Frame Data(bool discrete, int seed)
    {
        var random = new Random(seed);
        int n = 300;
        var x1 = new double[n];
        var x2 = new double[n];
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            x1[i] = discrete ? random.Next(4) : random.NextDouble() * 3;
            x2[i] = discrete ? random.Next(2) : random.NextDouble();
            d[i] = random.NextDouble() < 1 / (1 + Math.Exp(-(-1 + 0.4 * x1[i] + 0.5 * x2[i]))) ? 1 : 0;
        }
        return new Frame([new NumericColumn("d", d), new NumericColumn("x1", x1), new NumericColumn("x2", x2)]);
    }

    [Theory]
    [InlineData(true, 1, true, false)]
    [InlineData(true, 1, true, true)]
    [InlineData(true, 3, true, true)]
    [InlineData(false, 1, true, false)]
    public void PairsEqualThePlainDefinition(bool discrete, int k, bool replace, bool ties)
    {
        var spec = new MatchingSpec { Treatment = "d", Covariates = ["x1", "x2"], Neighbours = k, Replace = replace, Ties = ties, Caliper = 0.05 };
        var r = PropensityMatching.Run(Data(discrete, k), spec);
        var expected = Plain(r.Propensity.Scores, r.SampleTreated, spec);
        Assert.Equal(expected, r.Pairs!.Select(p => (p.TreatedRow, p.ControlRow, p.Weight)).ToList());
    }

    /// <summary>The definition, written out naively (the previous implementation).</summary>
    private static List<(int, int, double)> Plain(double[] p, bool[] treated, MatchingSpec spec)
    {
        var controls = Enumerable.Range(0, p.Length).Where(i => !treated[i]).ToArray();
        var units = Enumerable.Range(0, p.Length).Where(i => treated[i]).ToArray();
        if (!spec.Replace) units = [.. units.OrderByDescending(i => p[i]).ThenBy(i => i)];
        var used = new bool[p.Length];
        var pairs = new List<(int, int, double)>();
        foreach (int t in units)
        {
            var c = controls.Where(j => spec.Replace || !used[j]).Select(j => (j, Math.Abs(p[t] - p[j]))).OrderBy(x => x.Item2).ThenBy(x => x.j).ToList();
            int take = Math.Min(spec.Neighbours, c.Count);
            if (spec.Ties && spec.Replace)
                while (take < c.Count && c[take].Item2 - c[take - 1].Item2 <= 1e-10 && c[take].Item2 - c[spec.Neighbours - 1].Item2 <= 1e-10) take++;
            var chosen = c.Take(take).Where(x => x.Item2 <= spec.Caliper!.Value).ToList();
            foreach (var x in chosen) { pairs.Add((t, x.j, 1.0 / chosen.Count)); used[x.j] = true; }
        }
        return pairs;
    }
}
