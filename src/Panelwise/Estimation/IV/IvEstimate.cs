using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation.IV;

/// <summary>Coefficients of one IV estimator with what its covariance needs: the bread B, the columns X̃ whose
/// scores e_i x̃_i form the meat (V = c B (Σ e_i² x̃_i x̃_i') B, or s² B under iid errors), and the residuals
/// that enter those scores when they are not the structural ones (two-step GMM uses its first-step residuals).
/// Nothing here has read the rows: the structural residuals are <see cref="IvSample.Residual"/> of
/// <see cref="Coefficients"/> and the sandwich columns are formed only if a covariance reads them row by row.</summary>
internal sealed record IvEstimate
{
    public required double[] Coefficients { get; init; }
    public required double[,] Bread { get; init; }

    /// <summary>Coordinates of X̃ in the sample's basis (see <see cref="IvSample"/>), p x K.</summary>
    public required Matrix<double> SandwichCoordinates { get; init; }

    /// <summary>The n-row columns of <see cref="SandwichCoordinates"/>, formed on first access.</summary>
    public required IReadOnlyList<double[]> SandwichColumns { get; init; }

    /// <summary>Coordinates of the structural residuals y - Xb in the sample's basis, p x 1.</summary>
    public required Matrix<double> ResidualCoordinates { get; init; }

    /// <summary>Coefficients whose residuals enter the meat when they are not <see cref="Coefficients"/> (two-step GMM:
    /// the first step's); null otherwise.</summary>
    public double[]? ScoreCoefficients { get; init; }

    /// <summary>Coordinates of the residuals of <see cref="ScoreCoefficients"/>; null when that is null.</summary>
    public Matrix<double>? ScoreResidualCoordinates { get; init; }

    /// <summary>LIML's smallest eigenvalue (the k of the k-class); null for other estimators.</summary>
    public double? Lambda { get; init; }

    /// <summary>Hansen's J of a two-step GMM fit; null otherwise.</summary>
    public double? HansenJ { get; init; }
}
