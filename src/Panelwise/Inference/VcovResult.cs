namespace Panelwise.Inference;

/// <summary>A covariance matrix with what inference needs: the reference distribution's degrees of freedom
/// (t with <see cref="DfResidual"/>), the cluster counts, and the convention in words.</summary>
public sealed record VcovResult
{
    public required VcovSpec Spec { get; init; }

    /// <summary>Covariance of the coefficients of the equilibrated columns, in the fit's term order: the covariance in the
    /// data's units is D·Matrix·D with D = diag(<see cref="Scales"/>) (see <see cref="Estimation.LinearFit.Scales"/>).</summary>
    public required double[,] Matrix { get; init; }

    /// <summary>The fit's column scales; null when all are 1 (Matrix is then the covariance itself).</summary>
    public double[]? Scales { get; init; }

    /// <summary>Standard error of coefficient j in the data's units: Scales[j]·√Matrix[j,j] (finite even when the variance
    /// itself is not representable).</summary>
    public double StandardError(int j) => (Scales?[j] ?? 1) * Math.Sqrt(Matrix[j, j]);

    /// <summary>Covariance of coefficients i and j in the data's units.</summary>
    public double Covariance(int i, int j) => (Scales?[i] ?? 1) * Matrix[i, j] * (Scales?[j] ?? 1);

    /// <summary>Degrees of freedom of the t and F reference distributions (N-K, or G-1 with clusters);
    /// positive infinity for large-sample (z, chi2) inference.</summary>
    public required double DfResidual { get; init; }

    /// <summary>True when inference uses the normal and chi2 distributions (z statistics).</summary>
    public bool IsNormal => double.IsPositiveInfinity(DfResidual);

    /// <summary>K used in the small-sample factor (coefficients plus the counted fixed-effect levels).</summary>
    public required int KUsed { get; init; }

    /// <summary>Number of clusters per cluster variable (empty when not clustered).</summary>
    public required IReadOnlyDictionary<string, int> Clusters { get; init; }

    /// <summary>Maximum lag of a kernel (HAC) covariance as used; null for the others.</summary>
    public int? Lag { get; init; }

    /// <summary>The small-sample convention, stated in words.</summary>
    public required string Convention { get; init; }
}
