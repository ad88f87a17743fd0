using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>A singular or indefinite moment covariance S is a typed kind of estimation problem, so that the IV
/// diagnostics leave the statistic out with a note by its kind, not by matching the message's wording
/// (end to end: DegenerateDesignTests.SingularMomentCovarianceDropsItsStatisticsWithANote).</summary>
public class SingularMomentsKindTests
{
    [Fact]
    public void AnIndefiniteMomentMatrixIsOfKindSingularMoments()
    {
        var indefinite = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 1 } });
        var ex = Assert.Throws<EstimationException>(() => Dense.CholeskyOf(indefinite));
        Assert.Equal(EstimationProblem.SingularMoments, ex.Kind);
        Assert.EndsWith(DegenerateModel.SingularMomentsCause, ex.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherProblemsHaveNoSpecificKind()
    {
        var overflow = Matrix<double>.Build.DenseOfArray(new double[,] { { double.PositiveInfinity, 0 }, { 0, 1 } });
        Assert.Equal(EstimationProblem.Unspecified, Assert.Throws<EstimationException>(() => Dense.CholeskyOf(overflow)).Kind);
        Assert.Equal(EstimationProblem.Unspecified, DegenerateModel.TooFewClusters("g", 1).Kind);
    }
}
