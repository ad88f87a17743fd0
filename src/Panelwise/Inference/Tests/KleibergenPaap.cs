using Panelwise.Estimation.Moments;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>Kleibergen and Paap (2006) rk statistic for H0: rank(Π) = K1 - 1, Π the L2 x K1 reduced-form coefficients
/// of X̃1 on Z̃1, as ranktest 2.0 / ivreg2 4.1 compute it. Θ = Rz' Π Ry'^-1 (Qzz = Z̃'Z̃/N = Rz Rz', Qyy = X̃'X̃/N = Ry Ry'),
/// SVD Θ = U D V', q = K1 - 1, A = [U12; U22] U22^-1 (U22 U22')^½, B = (V22 V22')^½ V22'^-1 [V12; V22]',
/// λ = (B ⊗ A') vec Θ, Var = (Ry^-1 ⊗ Rz^-1) S (Ry^-1 ⊗ Rz^-1)', rk = N λ' [(B ⊗ A') Var (B ⊗ A')']^-1 λ ~ chi2(L2 - K1 + 1),
/// S = (1/N) Σ s s' over observations or clusters with s_i = v_i ⊗ z̃_i: v = X̃ for the LM form, v = X̃ - Z̃Π for the
/// Wald form. No finite-sample factor enters S; the caller scales as ivreg2 reports.</summary>
internal static class KleibergenPaap
{
    /// <summary>The two score families (z, v) whose S <see cref="Statistics"/> reads for x = X̃1, z = Z̃1 (LM, then Wald).</summary>
    public static IEnumerable<(Matrix<double> Z, Matrix<double> E)> ScoreFamilies(Matrix<double> x, Matrix<double> z)
    {
        yield return (z, x);
        yield return (z, Dense.Residual(x, z, Dense.Coefficients(z, x)));
    }

    public static (double Lm, double Wald) Statistics(IvSample sample, Matrix<double> x, Matrix<double> z, MomentStructure moments)
    {
        int n = sample.N, k = x.ColumnCount, l = z.ColumnCount, q = k - 1;
        var ry = Dense.CholeskyOf(Dense.Cross(x, x) / n).Factor;
        var rz = Dense.CholeskyOf(Dense.Cross(z, z) / n).Factor;
        var pi = Dense.Coefficients(z, x);
        var theta = rz.TransposeThisAndMultiply(pi) * ry.Transpose().Inverse();
        var svd = theta.Svd(true);
        var u = svd.U;
        var v = svd.VT.Transpose();
        var u22 = u.SubMatrix(q, l - q, q, l - q);
        var a = u.SubMatrix(0, l, q, l - q) * u22.Inverse() * Dense.SymmetricSqrt(u22 * u22.Transpose());
        var v22 = v.SubMatrix(q, k - q, q, k - q);
        var b = Dense.SymmetricSqrt(v22 * v22.Transpose()) * v22.Transpose().Inverse() * v.SubMatrix(0, k, q, k - q).Transpose();
        var kron = b.KroneckerProduct(a.Transpose());
        var lambda = kron * Vector<double>.Build.DenseOfArray(theta.ToColumnMajorArray());
        var t = ry.Inverse().KroneckerProduct(rz.Inverse());
        double Rk(Matrix<double> scoresOf)
        {
            var s = Dense.FromArray(sample.ScoreMoments(z, scoresOf, moments)) / n;
            var omega = kron * (t * s * t.Transpose()) * kron.Transpose();
            omega = (omega + omega.Transpose()) * 0.5;
            return n * lambda.DotProduct(omega.Solve(lambda));
        }
        return (Rk(x), Rk(Dense.Residual(x, z, pi)));
    }
}
