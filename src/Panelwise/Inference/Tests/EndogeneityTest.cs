using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>The C (difference-in-Sargan) test that the chosen endogenous regressors are in fact exogenous (ivreg2
/// <c>endog()</c>; Hayashi 2000, sec. 3.6). The restricted model treats them as exogenous (included instruments too);
/// C = J_restricted - J_unrestricted ~ chi2(#tested), both computed with the restricted model's error moments so that C ≥ 0:
/// under iid errors Sargan statistics e'P_Z e / σ̂² with σ̂² = e_r'e_r / N from the restricted 2SLS residuals; under
/// robust/cluster covariances Hansen J of efficient GMM with S from the restricted 2SLS residuals, and the unrestricted J
/// with the sub-matrix of that S for its instruments.</summary>
internal static class EndogeneityTest
{
    public static TestStatistic Compute(IvTestContext ctx, IReadOnlyList<string> tested)
    {
        var s = ctx.Sample;
        var (idx, zr) = Restricted(s, tested);
        var z = s.Z;
        var x = s.X;
        var y = s.YColumn;
        double c;
        if (ctx.IsIid)
        {
            var er = TwoStageLeastSquares.Fit(x, zr, y).Residual;
            var eu = TwoStageLeastSquares.Fit(x, z, y).Residual;
            double sigma2 = Dense.Cross(er, er)[0, 0] / s.N;
            c = (Quadratic(zr, er) - Quadratic(z, eu)) / sigma2;
        }
        else
        {
            var er = TwoStageLeastSquares.Fit(x, zr, y).Residual;
            var sr = Gmm.MomentsOf(s, zr, er, ctx.Moments);
            double jr = Gmm.Solve(x, zr, y, sr).J;
            int l2 = s.L2, m = idx.Length;
            var keep = Enumerable.Range(0, l2).Concat(Enumerable.Range(l2 + m, s.K2)).ToArray();
            var su = Matrix<double>.Build.Dense(keep.Length, keep.Length, (a, b) => sr[keep[a], keep[b]]);
            c = jr - Gmm.Solve(x, z, y, su).J;
        }
        return new TestStatistic("chi2", c, idx.Length, TailProbability.ChiSquaredUpper(c, idx.Length));
    }

    /// <summary>The score family (restricted instruments, restricted 2SLS residuals) whose S the robust form reads.</summary>
    public static (Matrix<double> Z, Matrix<double> E) ScoreFamily(IvSample s, IReadOnlyList<string> tested)
    {
        var zr = Restricted(s, tested).Instruments;
        return (zr, TwoStageLeastSquares.Fit(s.X, zr, s.YColumn).Residual);
    }

    /// <summary>Indices of the tested regressors and the restricted model's instruments [Z1 tested W].</summary>
    private static (int[] Tested, Matrix<double> Instruments) Restricted(IvSample s, IReadOnlyList<string> tested)
    {
        var idx = tested.Select(t =>
        {
            int i = s.EndogenousNames.ToList().IndexOf(t);
            return i >= 0 ? i : throw new EstimationException($"{{EndogeneityTest}}: '{t}' is not an endogenous regressor of the model (they are: {string.Join(", ", s.EndogenousNames)}).");
        }).Distinct().ToArray();
        var suspect = Matrix<double>.Build.DenseOfColumnVectors(idx.Select(i => s.X1.Column(i)));
        return (idx, Dense.Beside(Dense.Beside(s.Z1, suspect), s.W));
    }

    private static double Quadratic(Matrix<double> z, Matrix<double> e)
    {
        var pe = Dense.Project(z, e);
        return pe.Column(0).DotProduct(pe.Column(0));
    }
}
