using Panelwise.Absorb;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>The two products the conjugate-gradient solver uses at scale, on graphs too big for the dense reference:
/// the stored Schur complement (one large effect left, F levels split over two threads, 5 columns = two vector blocks)
/// and the row passes (two large effects left, rows grouped by worker: the vectorised kernel), weighted and not,
/// against alternating projections run to 1e-14.</summary>
public class SchurPathsTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void LargeGraphsAgreeWithAlternatingProjections(bool twoLargeOthers, bool weighted)
    {
        var rng = new Random(twoLargeOthers ? 21 : 22);
        int workers = 3000, perWorker = 6, n = workers * perWorker;
        var worker = new int[n]; var firm = new int[n]; var occupation = new int[n]; var year = new int[n];
        for (int i = 0; i < n; i++)
        {
            worker[i] = i / perWorker; // grouped, as a panel sorted by unit
            firm[i] = i % perWorker < 5 ? (worker[i] * 13) % 2100 : rng.Next(2100); // one move per worker: few movers
            occupation[i] = rng.Next(1500);
            year[i] = i % perWorker;
        }
        var effects = new List<FixedEffect> { new("worker", worker, workers), new("firm", firm, 2100) };
        if (twoLargeOthers) effects.Add(new FixedEffect("occupation", occupation, 1500));
        effects.Add(new FixedEffect("year", year, perWorker));
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray() : null;
        var columns = Enumerable.Range(0, 5).Select(c => Enumerable.Range(0, n)
            .Select(i => rng.NextDouble() + 0.001 * firm[i] * c - 0.01 * worker[i] % 7 + year[i]).ToArray()).ToList();
        var expected = columns.Select(x => (double[])x.Clone()).ToList();
        Assert.True(new AlternatingProjections(effects, w, new AbsorbOptions { Tolerance = 1e-14, MaxIterations = 100_000 }).Demean(expected).Converged);
        var solver = new SchurConjugateGradient(effects, w, new AbsorbOptions { Tolerance = 1e-12, Threads = 2 });
        Assert.Contains(twoLargeOthers ? "block-Jacobi" : "worker + year eliminated exactly", solver.Method);
        Assert.True(solver.Demean(columns).Converged);
        for (int c = 0; c < columns.Count; c++)
            for (int i = 0; i < n; i += 7) Assert.Equal(expected[c][i], columns[c][i], 1e-8);
    }
}
