using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Two-stage least squares: b = (X'P_Z X)^-1 X'P_Z y with P_Z = Z(Z'Z)^-1 Z'; computed as the least-squares
/// fit of y on X̂ = P_Z X (QR). Bread (X̂'X̂)^-1; the sandwich uses X̂ with the structural residuals y - Xb, never the
/// second-stage residuals y - X̂b (Wooldridge 2010, ch. 5; ivreg2: Baum, Schaffer and Stillman 2003, 2007).</summary>
internal static class TwoStageLeastSquares
{
    public static IvEstimate Estimate(IvSample s) => Estimate(s.X, s.Z, s.YColumn);

    public static IvEstimate Estimate(Matrix<double> x, Matrix<double> z, Matrix<double> y)
    {
        var xhat = Dense.Project(z, x);
        var b = Dense.Coefficients(xhat, y).Column(0).ToArray();
        var e = Dense.Residual(y, x, Dense.Column(b)).Column(0).ToArray();
        return new IvEstimate
        {
            Coefficients = b,
            Bread = Dense.SymmetricInverse(Dense.Cross(xhat, xhat)).ToArray(),
            SandwichColumns = Dense.ColumnArrays(xhat),
            Residuals = e,
        };
    }
}
