using Panelwise.Absorb;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>A true panel (each unit observed at most once per year, unweighted): the direct solver counts the year
/// pairs of its partialled Gram matrix with bit masks, sorted or shuffled rows; the projection must equal alternating
/// projections, and the fused within squares and shift must equal demeaning followed by a separate pass.</summary>
public class PanelDirectSolveTests
{
    private static (FixedEffect Unit, FixedEffect Year, double[] X) Panel(int seed, bool shuffled)
    {
        var rng = new Random(seed);
        var rows = new List<(int Unit, int Year)>();
        for (int u = 0; u < 400; u++)
            for (int t = 0; t < 20; t++)
                if (rng.NextDouble() < 0.6 || t == 0) rows.Add((u, t));
        if (shuffled) rows = rows.OrderBy(_ => rng.Next()).ToList();
        var unit = rows.Select(r => r.Unit).ToArray();
        var year = rows.Select(r => r.Year).ToArray();
        var x = rows.Select(r => rng.NextDouble() + 0.01 * r.Unit + 0.2 * r.Year).ToArray();
        return (new FixedEffect("unit", unit, 400), new FixedEffect("year", year, 20), x);
    }

    [Theory]
    [InlineData(41, false)]
    [InlineData(42, true)]
    public void BitMaskGramGivesTheSameProjection(int seed, bool shuffled)
    {
        var (unit, year, x) = Panel(seed, shuffled);
        var iterative = (double[])x.Clone();
        var direct = (double[])x.Clone();
        Assert.True(new AlternatingProjections([unit, year], null, new AbsorbOptions { Tolerance = 1e-14 }).Demean([iterative]).Converged);
        var solver = FixedEffectSolver.Create([unit, year], null, new AbsorbOptions());
        Assert.IsType<DirectSmallEffects>(solver);
        solver.Demean([direct]);
        for (int i = 0; i < x.Length; i++) Assert.Equal(iterative[i], direct[i], 1e-9);
    }

    [Theory]
    [InlineData(43, false)]
    [InlineData(44, true)]
    public void FusedShiftEqualsDemeanThenShift(int seed, bool shuffled)
    {
        var (unit, year, x) = Panel(seed, shuffled);
        var solver = FixedEffectSolver.Create([unit, year], null, new AbsorbOptions());
        var separate = (double[])x.Clone();
        solver.Demean([separate]);
        double squares = separate.Sum(v => v * v);
        var fused = (double[])x.Clone();
        var within = new double[1];
        solver.DemeanAndShift([fused], null, [2.5], within);
        Assert.Equal(1.0, within[0] / squares, 12);
        for (int i = 0; i < x.Length; i++) Assert.Equal(separate[i] + 2.5, fused[i], 12);
    }

    [Theory]
    [InlineData(45, false)]
    [InlineData(46, true)]
    public void MomentsFromTheFirstPassEqualTwoPassMoments(int seed, bool shuffled)
    {
        var (unit, year, x) = Panel(seed, shuffled);
        var offset = x.Select(v => 1e4 + v).ToArray(); // a large mean against the spread: naive Σx² - n·x̄² would lose digits
        var solver = FixedEffectSolver.Create([unit, year], null, new AbsorbOptions());
        var demeaned = (double[])offset.Clone();
        solver.Demean([demeaned]);
        double mean = offset.Average();
        double centred = offset.Sum(v => (v - mean) * (v - mean));
        var (means, squares, within) = (new double[1], new double[1], new double[1]);
        var column = (double[])offset.Clone();
        var report = solver.TryDemeanAroundMeans([column], means, squares, within);
        Assert.Equal(shuffled, report is null); // only rows grouped by unit take the fused path
        if (report is null) return;
        Assert.Equal(mean, means[0], 1e-9);
        Assert.Equal(1.0, squares[0] / centred, 11);
        Assert.Equal(1.0, within[0] / demeaned.Sum(v => v * v), 11);
        for (int i = 0; i < x.Length; i++) Assert.Equal(demeaned[i] + mean, column[i], 1e-9); // values near 1e4: 1e-13 relative
    }
}
