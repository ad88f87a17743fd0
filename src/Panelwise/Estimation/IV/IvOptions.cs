namespace Panelwise.Estimation.IV;

/// <summary>Choices of an IV fit beyond the formula and the covariance.</summary>
public sealed record IvOptions
{
    public IvEstimatorKind Estimator { get; init; } = IvEstimatorKind.TwoStageLeastSquares;

    /// <summary>Endogenous regressors whose endogeneity the C (difference-in-Sargan) test examines; null = all of them
    /// (ivreg2 <c>endog()</c>; with all of them it is the Durbin-Wu-Hausman test).</summary>
    public IReadOnlyList<string>? EndogeneityTest { get; init; }

    /// <summary>Coverage of the Anderson-Rubin confidence set.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Parses <c>2sls</c>, <c>liml</c>, <c>gmm2s</c> (ivreg2) or <c>gmm</c> (ivregress gmm).</summary>
    public static IvEstimatorKind ParseEstimator(string text) => text.Trim().ToLowerInvariant() switch
    {
        "2sls" or "iv" or "tsls" => IvEstimatorKind.TwoStageLeastSquares,
        "liml" => IvEstimatorKind.Liml,
        "gmm2s" => IvEstimatorKind.TwoStepGmm,
        "gmm" => IvEstimatorKind.Gmm,
        _ => throw new UserInputException($"Unknown estimator '{text}': use 2sls, liml, gmm2s (ivreg2's two-step GMM) or gmm (Stata ivregress gmm)."),
    };
}
