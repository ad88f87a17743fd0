using System.Numerics;
using System.Numerics.Tensors;

namespace Panelwise.Numerics;

/// <summary>(Weighted) means and sums of squares of long columns, SIMD-vectorised. Centred sums use two passes
/// (mean first), never Σx² - n·x̄², which loses digits when the mean is large against the spread (years, levels).</summary>
public static class ColumnMoments
{
    public static double Mean(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        if (w.IsEmpty) return TensorPrimitives.Sum(x) / x.Length;
        return TensorPrimitives.Dot(w, x) / TensorPrimitives.Sum(w);
    }

    /// <summary>Σ w (x - m)², or Σ (x - m)² without weights.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x, ReadOnlySpan<double> w, double m)
    {
        int n = x.Length, i = 0;
        var acc = Vector<double>.Zero;
        var mean = new Vector<double>(m);
        int width = Vector<double>.Count;
        if (w.IsEmpty)
        {
            for (; i <= n - width; i += width)
            {
                var d = new Vector<double>(x.Slice(i, width)) - mean;
                acc += d * d;
            }
        }
        else
        {
            for (; i <= n - width; i += width)
            {
                var d = new Vector<double>(x.Slice(i, width)) - mean;
                acc += new Vector<double>(w.Slice(i, width)) * d * d;
            }
        }
        double s = Vector.Sum(acc);
        for (; i < n; i++)
        {
            double d = x[i] - m;
            s += w.IsEmpty ? d * d : w[i] * d * d;
        }
        return s;
    }
}
