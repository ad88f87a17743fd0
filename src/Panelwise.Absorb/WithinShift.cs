using System.Numerics;

namespace Panelwise.Absorb;

/// <summary>The within sum of squares of a demeaned column and the shift back to its mean, in one pass over it
/// (<see cref="IFixedEffectSolver.DemeanAndShift"/> for solvers that cannot fuse it into their own last pass).</summary>
public static class WithinShift
{
    /// <summary>Demeans with <paramref name="solver"/>, then one pass per column (columns in parallel).</summary>
    public static SolveReport AfterDemean(IFixedEffectSolver solver, IReadOnlyList<double[]> columns, double[]? weights,
        double[] shifts, double[] withinSquares)
    {
        var report = solver.Demean(columns);
        Parallel.For(0, columns.Count, c => withinSquares[c] = SquaresThenAdd(columns[c], weights, shifts[c]));
        return report;
    }

    /// <summary>Σ w x² of the column, then x + c in place.</summary>
    public static double SquaresThenAdd(double[] x, double[]? w, double c)
    {
        var acc = Vector<double>.Zero;
        var shift = new Vector<double>(c);
        int width = Vector<double>.Count, i = 0;
        var span = x.AsSpan();
        for (; i <= span.Length - width; i += width)
        {
            var v = new Vector<double>(span.Slice(i, width));
            acc += w is null ? v * v : new Vector<double>(w, i) * v * v;
            (v + shift).CopyTo(span.Slice(i, width));
        }
        double s = Vector.Sum(acc);
        for (; i < span.Length; i++)
        {
            s += w is null ? span[i] * span[i] : w[i] * span[i] * span[i];
            span[i] += c;
        }
        return s;
    }
}
