namespace Panelwise.Estimation.IV;

/// <summary>The IV estimators of ivreg2: two-stage least squares, limited-information maximum likelihood, and
/// two-step efficient GMM (weight matrix from the 2SLS residuals under the chosen covariance).</summary>
public enum IvEstimatorKind
{
    TwoStageLeastSquares,
    Liml,
    TwoStepGmm,
}
