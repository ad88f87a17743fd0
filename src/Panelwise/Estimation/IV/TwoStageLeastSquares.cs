using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Two-stage least squares: b = (X'P_Z X)^-1 X'P_Z y with P_Z = Z(Z'Z)^-1 Z'; computed as the least-squares
/// fit of y on X̂ = P_Z X (QR). Bread (X̂'X̂)^-1; the sandwich uses X̂ with the structural residuals y - Xb, never the
/// second-stage residuals y - X̂b (Wooldridge 2010, ch. 5; ivreg2: Baum, Schaffer and Stillman 2003, 2007).
/// All of it on the sample's coordinates (p x p algebra), without reading the rows: the residuals come from the
/// diagnostics' fused score pass (or one pass under iid errors), X̂ is formed only for a covariance that reads its rows.</summary>
internal static class TwoStageLeastSquares
{
    public static IvEstimate Estimate(IvSample s)
    {
        var (b, xhat, e) = Fit(s.X, s.Z, s.YColumn);
        return new IvEstimate
        {
            Coefficients = b.Column(0).ToArray(),
            Bread = Dense.SymmetricInverse(Dense.Cross(xhat, xhat)).ToArray(),
            SandwichCoordinates = xhat,
            SandwichColumns = s.RowsOnDemand(xhat),
            ResidualCoordinates = e,
        };
    }

    /// <summary>Coefficients, X̂ = P_Z X and residuals y - Xb, all as coordinates (no pass over the rows).</summary>
    public static (Matrix<double> B, Matrix<double> XHat, Matrix<double> Residual) Fit(Matrix<double> x, Matrix<double> z, Matrix<double> y)
    {
        var xhat = Dense.Project(z, x);
        var b = Dense.Coefficients(xhat, y);
        return (b, xhat, Dense.Residual(y, x, b));
    }
}
