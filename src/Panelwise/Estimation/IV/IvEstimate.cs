namespace Panelwise.Estimation.IV;

/// <summary>Coefficients of one IV estimator with what its covariance needs: the bread B, the columns X̃ whose
/// scores e_i x̃_i form the meat (V = c B (Σ e_i² x̃_i x̃_i') B, or s² B under iid errors), and the residuals
/// that enter those scores when they are not the structural ones (two-step GMM uses its first-step residuals).</summary>
internal sealed record IvEstimate
{
    public required double[] Coefficients { get; init; }
    public required double[,] Bread { get; init; }
    public required IReadOnlyList<double[]> SandwichColumns { get; init; }

    /// <summary>Structural residuals y - Xb.</summary>
    public required double[] Residuals { get; init; }

    /// <summary>Coordinates of <see cref="Residuals"/> in the sample's basis (see <see cref="IvSample"/>), p x 1.</summary>
    public required MathNet.Numerics.LinearAlgebra.Matrix<double> ResidualCoordinates { get; init; }

    /// <summary>Residuals in the meat when they differ from <see cref="Residuals"/>; null otherwise.</summary>
    public double[]? ScoreResiduals { get; init; }

    /// <summary>LIML's smallest eigenvalue (the k of the k-class); null for other estimators.</summary>
    public double? Lambda { get; init; }

    /// <summary>Hansen's J of a two-step GMM fit; null otherwise.</summary>
    public double? HansenJ { get; init; }
}
