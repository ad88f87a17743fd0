using Panelwise.Absorb;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>The conjugate-gradient solver (largest effect eliminated, the others by PCG) equals the dummy-variable
/// regression on small random worker-firm-year graphs: connected and not, weighted, with singletons kept, and with a
/// firm seen on a single row of each component; a chain graph, the worst case for alternating projections, converges
/// within a bounded number of iterations.</summary>
public class SchurConjugateGradientTests
{
    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 1, true)]
    [InlineData(3, 3, false)]
    [InlineData(4, 3, true)]
    public void EqualsTheDummyVariableRegression(int seed, int components, bool weighted)
    {
        var rng = new Random(seed);
        int n = 600, workersPer = 60 / components, firmsPer = 24 / components;
        var worker = new int[n]; var firm = new int[n]; var year = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = i * components / n;
            worker[i] = c * workersPer + rng.Next(workersPer);
            // Most rows stay in a few firms per worker; component c's last firm appears on its first row only.
            firm[i] = c * firmsPer + (i == c * n / components ? firmsPer - 1 : (worker[i] * 7 + rng.Next(3)) % (firmsPer - 1));
            year[i] = rng.Next(8);
        }
        worker[n - 1] = components * workersPer; // a singleton worker, kept
        var effects = Effects(worker, firm, year);
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray() : null;
        var columns = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n)
            .Select(i => rng.NextDouble() + 0.1 * worker[i] - 0.3 * firm[i] + year[i]).ToArray()).ToList();
        var expected = columns.Select(x => DummyProjection.Residual(effects, w, x)).ToList();
        var solver = new SchurConjugateGradient(effects, w, new AbsorbOptions { Tolerance = 1e-13 });
        var report = solver.Demean(columns);
        Assert.True(report.Converged);
        Assert.True(report.AchievedTolerance < 1e-9, $"relative residual {report.AchievedTolerance}");
        for (int c = 0; c < columns.Count; c++)
            for (int i = 0; i < n; i++) Assert.Equal(expected[c][i], columns[c][i], 1e-9);
        Assert.Equal(components, FixedEffectGraph.Components(effects[0], effects[1]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ChainGraphConvergesWithinBoundedIterations(int threads)
    {
        // Worker i works for firms i and i+1: information crosses one link per alternating-projection sweep.
        int workers = 300, n = 2 * workers;
        var worker = new int[n]; var firm = new int[n]; var year = new int[n];
        var rng = new Random(5);
        for (int r = 0; r < n; r++) { worker[r] = r / 2; firm[r] = r / 2 + r % 2; year[r] = r % 2; }
        var effects = Effects(worker, firm, year);
        var x = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 0.01 * worker[i]).ToArray();
        var expected = DummyProjection.Residual(effects, null, x);
        var report = new SchurConjugateGradient(effects, null, new AbsorbOptions { Threads = threads }).Demean([x]);
        Assert.True(report.Converged);
        // Exact arithmetic ends within one step per unknown (301 firms + 2 years), plus the error-estimate delay.
        Assert.InRange(report.Iterations, 1, workers + 2 + SchurConjugateGradient.ErrorDelay);
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], x[i], 1e-7);
    }

    [Fact]
    public void FactoryPicksTheAdaptiveSolverForTwoLargeEffects()
    {
        // Both effects exceed the direct solver's limit of small levels.
        var wide = new FixedEffect("firm", Enumerable.Range(0, 2002).ToArray(), 2002);
        var other = new FixedEffect("worker", Enumerable.Range(0, 2002).Select(i => i % 1001).ToArray(), 1001);
        Assert.IsType<AdaptiveSolver>(FixedEffectSolver.Create([wide, other], null, new AbsorbOptions()));
    }

    private static List<FixedEffect> Effects(int[] worker, int[] firm, int[] year) =>
        [Dense("worker", worker), Dense("firm", firm), Dense("year", year)];

    /// <summary>Renumbers the codes densely (a level no row drew would have no weight).</summary>
    private static FixedEffect Dense(string name, int[] codes)
    {
        var all = new bool[codes.Length];
        Array.Fill(all, true);
        return new FixedEffect(name, codes, codes.Max() + 1).Filter(all, codes.Length);
    }
}
