namespace Panelwise.Estimation;

/// <summary>What kind of problem an <see cref="EstimationException"/> reports, for callers that handle some kinds
/// (e.g. leave one statistic out with a note) without reading the message.</summary>
public enum EstimationProblem
{
    /// <summary>Any problem without a more specific kind.</summary>
    Unspecified,

    /// <summary>The covariance of the moment conditions S is singular or not positive definite (few clusters, two-way
    /// clustering): the estimate is meaningful, but a statistic that inverts S is not (<see cref="DegenerateModel.SingularMoments"/>).</summary>
    SingularMoments,
}
