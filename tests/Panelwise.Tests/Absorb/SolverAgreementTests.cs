using Panelwise.Absorb;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>The two fixed-effect solvers compute the same projection: accelerated alternating projections
/// (iterative) and the direct small-effects solve (exact), on connected and disconnected graphs, with weights.</summary>
public class SolverAgreementTests
{
    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, true, false)]
    [InlineData(3, false, true)]
    [InlineData(4, true, true)]
    public void AlternatingProjectionsEqualsDirectSolve(int seed, bool weighted, bool disconnected)
    {
        var rng = new Random(seed);
        int n = 3000;
        var a = new int[n]; var b = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = rng.Next(200);
            // Disconnected: units below 100 only meet levels 0-14 of b, the others only 15-29.
            b[i] = disconnected ? (a[i] < 100 ? rng.Next(15) : 15 + rng.Next(15)) : rng.Next(30);
        }
        var fa = new FixedEffect("a", a, 200);
        var fb = new FixedEffect("b", b, 30);
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray() : null;
        var x = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 0.1 * a[i] - 0.05 * b[i]).ToArray();
        var iterative = (double[])x.Clone();
        var direct = (double[])x.Clone();
        var report = new AlternatingProjections([fa, fb], w, new AbsorbOptions { Tolerance = 1e-14 }).Demean([iterative]);
        Assert.True(report.Converged);
        new DirectSmallEffects(fa, [fb], w, new AbsorbOptions()).Demean([direct]);
        for (int i = 0; i < n; i++) Assert.Equal(direct[i], iterative[i], 1e-9);
        Assert.Equal(disconnected ? 2 : 1, FixedEffectGraph.Components(fa, fb));
    }

    [Fact]
    public void FactoryPicksTheDirectSolverWhenTheOtherEffectsAreSmall()
    {
        var big = new FixedEffect("id", [0, 1, 2, 3], 4);
        var small = new FixedEffect("year", [0, 1, 0, 1], 2);
        Assert.IsType<DirectSmallEffects>(FixedEffectSolver.Create([big, small], null, new AbsorbOptions()));
        var wide = new FixedEffect("firm", Enumerable.Range(0, 2000).ToArray(), 2000);
        var other = new FixedEffect("worker", Enumerable.Range(0, 2000).Select(i => i / 2).ToArray(), 1000 + 1);
        Assert.IsType<AdaptiveSolver>(FixedEffectSolver.Create([wide, other], null, new AbsorbOptions()));
    }
}

/// <summary>Three effects (one large, two small and crossed): the direct solve must include the small effects'
/// cross-tabulation in its Gram matrix, and agree with alternating projections; rows in random order exercise the
/// grouping sort.</summary>
public class ThreeEffectAgreementTests
{
    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void DirectSolveWithTwoSmallEffectsEqualsAlternatingProjections(int seed, bool weighted)
    {
        var rng = new Random(seed);
        int n = 4000;
        var a = new int[n]; var b = new int[n]; var c = new int[n];
        for (int i = 0; i < n; i++) { a[i] = rng.Next(300); b[i] = rng.Next(12); c[i] = rng.Next(7); }
        var fa = new FixedEffect("unit", a, 300);
        var fb = new FixedEffect("year", b, 12);
        var fc = new FixedEffect("region", c, 7);
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray() : null;
        var x = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 0.01 * a[i] + 0.3 * b[i] * c[i]).ToArray();
        var iterative = (double[])x.Clone();
        var direct = (double[])x.Clone();
        Assert.True(new AlternatingProjections([fa, fb, fc], w, new AbsorbOptions { Tolerance = 1e-14 }).Demean([iterative]).Converged);
        var solver = FixedEffectSolver.Create([fa, fb, fc], w, new AbsorbOptions());
        Assert.IsType<DirectSmallEffects>(solver);
        solver.Demean([direct]);
        for (int i = 0; i < n; i++) Assert.Equal(iterative[i], direct[i], 1e-9);
    }
}

/// <summary>Rows sorted by the large effect take the cache-friendly grouped path of the direct solver; it must give the
/// same projection as alternating projections, with one or two small effects and with weights.</summary>
public class GroupedDirectSolveTests
{
    [Theory]
    [InlineData(21, false, 1)]
    [InlineData(22, true, 1)]
    [InlineData(23, true, 2)]
    public void GroupedRowsGiveTheSameProjection(int seed, bool weighted, int smallEffects)
    {
        var rng = new Random(seed);
        int units = 150, n = 0;
        var unit = new List<int>(); var year = new List<int>(); var region = new List<int>();
        for (int u = 0; u < units; u++)
        {
            int periods = 1 + rng.Next(12);
            for (int t = 0; t < periods; t++) { unit.Add(u); year.Add(rng.Next(15)); region.Add(rng.Next(5)); n++; }
        }
        var fu = new FixedEffect("unit", unit.ToArray(), units);
        var fy = new FixedEffect("year", year.ToArray(), 15);
        var fr = new FixedEffect("region", region.ToArray(), 5);
        FixedEffect[] effects = smallEffects == 1 ? [fu, fy] : [fu, fy, fr];
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble()).ToArray() : null;
        var x = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 0.02 * unit[i] + 0.1 * year[i]).ToArray();
        var iterative = (double[])x.Clone();
        var direct = (double[])x.Clone();
        Assert.True(new AlternatingProjections(effects, w, new AbsorbOptions { Tolerance = 1e-14 }).Demean([iterative]).Converged);
        new DirectSmallEffects(fu, effects[1..], w, new AbsorbOptions()).Demean([direct]);
        for (int i = 0; i < n; i++) Assert.Equal(iterative[i], direct[i], 1e-9);
    }
}

/// <summary>Above a million rows the partialled Gram matrix is accumulated in parallel ranges cut at group boundaries;
/// sorted and shuffled rows must both give the projection alternating projections give.</summary>
public class LargeDirectSolveTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ParallelGramOnLongDataEqualsAlternatingProjections(bool sorted)
    {
        var rng = new Random(31);
        int n = 1_200_000, units = 90_000;
        var unit = new int[n]; var year = new int[n];
        for (int i = 0; i < n; i++) { unit[i] = sorted ? (int)((long)i * units / n) : rng.Next(units); year[i] = rng.Next(25); }
        var fu = new FixedEffect("unit", unit, units);
        var fy = new FixedEffect("year", year, 25);
        var x = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 1e-4 * unit[i] + 0.1 * year[i]).ToArray();
        var iterative = (double[])x.Clone();
        var direct = (double[])x.Clone();
        Assert.True(new AlternatingProjections([fu, fy], null, new AbsorbOptions { Tolerance = 1e-13 }).Demean([iterative]).Converged);
        var solver = FixedEffectSolver.Create([fu, fy], null, new AbsorbOptions());
        Assert.IsType<DirectSmallEffects>(solver);
        solver.Demean([direct]);
        for (int i = 0; i < n; i += 997) Assert.Equal(iterative[i], direct[i], 1e-8);
    }
}
