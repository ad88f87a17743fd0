using Panelwise.Estimation.Moments;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>S summed while the scores are formed (IvScoreMoments: block buffers, per-part cluster tables over several
/// row blocks and parts) equals MomentCovariance over the materialised score columns (IvBasis.Scores).</summary>
public class IvScoreMomentsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StreamedMomentsEqualTheMaterialisedOnes(bool clustered)
    {
        const int n = 30_000, p = 4;
        var rng = new Random(5);
        var d = Enumerable.Range(0, p).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray()).ToList();
        var codes = Enumerable.Range(0, n).Select(_ => rng.Next(700)).ToArray();
        var cluster = new FixedEffect("g", codes, 700);
        var z = Matrix<double>.Build.Dense(p, 2, (i, j) => i == j ? 1 : 0.25 * (i + j));
        var e = Matrix<double>.Build.Dense(p, 3, (i, j) => i == p - 1 - j ? 1 : -0.5 * i);
        var expected = MomentCovariance.Compute(IvBasis.Scores(d, n, z, e), clustered ? [cluster] : []);
        var actual = IvScoreMoments.Compute(d, n, z, e, clustered ? cluster : null);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= 1e-10 * (1 + Math.Abs(expected[i, j])), $"S[{i},{j}]: {expected[i, j]} vs {actual[i, j]}");
    }
}
