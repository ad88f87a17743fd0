namespace Panelwise.Estimation.IV;

/// <summary>The IV estimators: two-stage least squares, limited-information maximum likelihood, and two-step efficient
/// GMM (weight matrix from the 2SLS residuals under the chosen covariance) in two forms that share the coefficients and
/// differ in the covariance: ivreg2's <c>gmm2s</c> (V = (X'Z S⁻¹ Z'X)⁻¹, S from the first-step residuals) and Stata's
/// <c>ivregress gmm</c> (the sandwich with S re-estimated from the final GMM residuals).</summary>
public enum IvEstimatorKind
{
    TwoStageLeastSquares,
    Liml,
    /// <summary>ivreg2 <c>gmm2s</c>.</summary>
    TwoStepGmm,

    /// <summary>Stata <c>ivregress gmm</c> (wmatrix and vce of the same type as the covariance).</summary>
    Gmm,
}
