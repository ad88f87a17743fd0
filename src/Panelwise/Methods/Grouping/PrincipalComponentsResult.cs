namespace Panelwise.Methods.Grouping;

/// <summary>Output of <see cref="PrincipalComponents.Fit"/>.</summary>
/// <param name="Variables">The indicator names, in input order.</param>
/// <param name="Eigenvalues">All p eigenvalues of the correlation matrix, largest first.</param>
/// <param name="ExplainedVariance">lambda_k / p for every component.</param>
/// <param name="CumulativeVariance">Running sum of <paramref name="ExplainedVariance"/>.</param>
/// <param name="Loadings">Loadings[j][k] = v_jk sqrt(lambda_k) for the retained components (variable j, component k).</param>
/// <param name="Scores">Scores[k][i], standardised component scores of row i on retained component k.</param>
/// <param name="Kmo">Kaiser-Meyer-Olkin measure of sampling adequacy.</param>
/// <param name="KmoByVariable">The per-variable MSA.</param>
/// <param name="Bartlett">Bartlett's test of sphericity.</param>
public sealed record PrincipalComponentsResult(
    IReadOnlyList<string> Variables,
    double[] Eigenvalues,
    double[] ExplainedVariance,
    double[] CumulativeVariance,
    double[][] Loadings,
    double[][] Scores,
    double Kmo,
    double[] KmoByVariable,
    BartlettTest Bartlett)
{
    /// <summary>Indicators that are perfectly collinear across the units (R singular); KMO and Bartlett are then NaN.</summary>
    public IReadOnlyList<string> CollinearIndicators { get; init; } = [];
}
