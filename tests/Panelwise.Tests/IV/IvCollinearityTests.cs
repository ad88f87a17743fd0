using Panelwise.Estimation.IV;
using Xunit;

namespace Panelwise.Tests.IV;

/// <summary>The Gram-matrix rank decisions used for large IV samples (IvCollinearity with useGram) against the ordered
/// Householder QR used for small ones, on the same columns: exact collinearity, a zero (absorbed) column, a
/// nearly collinear column (normal equations untrustworthy: must fall back to the QR, and agree) and a clean design.</summary>
public class IvCollinearityTests
{
    [Theory]
    [InlineData(1e-7)]
    [InlineData(1e-10)]
    public void GramDecisionsEqualTheOrderedQr(double tolerance)
    {
        const int n = 3000;
        var rng = new Random(11);
        double[] Noise() => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var a = Noise();
        var b = Noise();
        var c = Noise();
        var sum = a.Zip(b, (x, y) => 2 * x - 3 * y).ToArray();           // exactly collinear with a, b
        var zero = new double[n];                                           // absorbed by the fixed effects
        var near = a.Zip(c, (x, y) => x + 1e-6 * y).ToArray();             // after a alone: norm ratio ~1e-6, kept but ill-conditioned
        var columns = new List<double[]> { a, b, sum, zero, c, near };
        var refs = columns.Select(col => Math.Max(1.0, Math.Sqrt(col.Sum(v => v * v)))).ToList();
        var subsets = new[] { new[] { 0, 1, 2, 3, 4 }, new[] { 2, 0, 1, 4 }, new[] { 0, 4, 5 }, new[] { 0, 5 }, new[] { 0, 1, 4 }, new[] { 3, 0 } };
        var qr = IvCollinearity.For(columns, n, useGram: false);
        var gram = IvCollinearity.For(columns, n, useGram: true);
        foreach (var subset in subsets)
        {
            var r = subset.Select(i => refs[i]).ToList();
            var expected = qr.Decide(subset, r, tolerance);
            var actual = gram.Decide(subset, r, tolerance);
            Assert.Equal(expected.Kept, actual.Kept);
            Assert.Equal(expected.Dropped, actual.Dropped);
        }
        Assert.Equal(qr.RawNorm(0), gram.RawNorm(0), 1e-9);
        Assert.Equal(0, gram.RawNorm(3));
    }
}
