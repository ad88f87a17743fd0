using Panelwise.Estimation.Moments;
using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Two-step efficient GMM (Hansen 1982; ivreg2 <c>gmm2s</c>): S = Σ (e_i z_i)(e_i z_i)' from the 2SLS
/// residuals (by cluster, or Cameron-Gelbach-Miller for several), b = (X'Z S^-1 Z'X)^-1 X'Z S^-1 Z'y, V = c (X'Z S^-1 Z'X)^-1
/// with the covariance option's small-sample factor c, and Hansen's J = e'Z S^-1 Z'e at the GMM residuals e.
/// The covariance is produced as the sandwich with X̃ = Z S^-1 Z'X and the 2SLS residuals, which equals c B.
/// Cross products from the sample's coordinates; the rows are read for the L score columns of S (residuals and X̃ as for 2SLS).</summary>
internal static class Gmm
{
    public static IvEstimate Estimate(IvSample s, IvEstimate firstStep, MomentStructure moments)
    {
        var (x, z, y) = (s.X, s.Z, s.YColumn);
        var (b, bread, weight, j) = Solve(x, z, y, MomentsOf(s, z, firstStep.ResidualCoordinates, moments));
        var zx = Dense.Cross(z, x);
        var sandwich = z * (weight * zx);
        return new IvEstimate
        {
            Coefficients = b.Column(0).ToArray(),
            Bread = bread.ToArray(),
            SandwichCoordinates = sandwich,
            SandwichColumns = s.RowsOnDemand(sandwich),
            ResidualCoordinates = Dense.Residual(y, x, b),
            ScoreCoefficients = firstStep.Coefficients,
            ScoreResidualCoordinates = firstStep.ResidualCoordinates,
            HansenJ = j,
        };
    }

    /// <summary>S = Σ (e_i z_i)(e_i z_i)' summed as the covariance choice says (by cluster, kernel over time), unscaled,
    /// for instruments z and residuals e given as coordinates: one pass over the rows for the scores.</summary>
    public static Matrix<double> MomentsOf(IvSample s, Matrix<double> z, Matrix<double> e, MomentStructure moments) =>
        Dense.FromArray(s.ScoreMoments(z, e, moments));

    /// <summary>GMM with weight S^-1: coefficients, bread (X'Z S^-1 Z'X)^-1, the weight, and J = e'Z S^-1 Z'e.</summary>
    public static (Matrix<double> B, Matrix<double> Bread, Matrix<double> Weight, double J) Solve(Matrix<double> x, Matrix<double> z, Matrix<double> y, Matrix<double> s)
    {
        var weight = Dense.SymmetricInverse(s);
        var zx = Dense.Cross(z, x);
        var zy = Dense.Cross(z, y);
        var bread = Dense.SymmetricInverse(zx.TransposeThisAndMultiply(weight * zx));
        // Exactly identified: every weight gives b = (Z'X)^-1 Z'y, so solve that directly; through S^-1 and the
        // inverted bread the round-off grows with cond(S) and differs from 2SLS in the ninth digit.
        var b = zx.RowCount == zx.ColumnCount ? zx.Solve(zy) : bread * zx.TransposeThisAndMultiply(weight * zy);
        var ze = Dense.Cross(z, Dense.Residual(y, x, b));
        return (b, bread, weight, ze.TransposeThisAndMultiply(weight * ze)[0, 0]);
    }
}
