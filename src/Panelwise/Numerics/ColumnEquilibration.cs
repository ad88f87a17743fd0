using System.Numerics.Tensors;

namespace Panelwise.Numerics;

/// <summary>Brings columns whose magnitudes are far from 1 back into range by an exact power of two, so that squares,
/// cross products and (X'X)⁻¹ neither overflow nor underflow: a regressor multiplied by 1e-300 or 1e300 gives the
/// same t, R² and other coefficients as the original, and its coefficient and standard error scale exactly
/// (LAPACK's xGEEQU equilibration, with powers of two so that scaling adds no rounding). Columns whose largest
/// magnitude lies within 2^±<see cref="SafeExponent"/> are left alone (every computation in double precision is exact
/// under power-of-two scaling there), so ordinary data costs one read-only SIMD scan per column and no copy.</summary>
public static class ColumnEquilibration
{
    /// <summary>Columns with largest magnitude in [2^-100, 2^100] (about 1e±30) are not scaled.</summary>
    public const int SafeExponent = 100;

    /// <summary>The power of two d by which x is multiplied (in place) so that its largest magnitude lies in [1, 2);
    /// 1 when x is within range, all zero or not finite.</summary>
    public static double ScaleInPlace(double[] x)
    {
        double d = ScaleFor(x);
        if (d != 1) TensorPrimitives.Multiply(x, d, x);
        return d;
    }

    /// <summary>The factor <see cref="ScaleInPlace(double[])"/> applies; does not modify x.</summary>
    public static double ScaleFor(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return 1;
        double max = Math.Abs(TensorPrimitives.MaxMagnitude(x));
        if (max == 0 || !double.IsFinite(max)) return 1;
        int e = Math.ILogB(max);
        return e is >= -SafeExponent and <= SafeExponent ? 1 : Math.ScaleB(1.0, -e);
    }

    /// <summary>Scales each column in place; null when none needed it, else the factor of each.</summary>
    public static double[]? ScaleInPlace(IReadOnlyList<double[]> columns)
    {
        double[]? scales = null;
        for (int j = 0; j < columns.Count; j++)
        {
            double d = ScaleInPlace(columns[j]);
            if (d == 1) continue;
            scales ??= Enumerable.Repeat(1.0, columns.Count).ToArray();
            scales[j] = d;
        }
        return scales;
    }
}
