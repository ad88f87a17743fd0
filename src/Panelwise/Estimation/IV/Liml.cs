namespace Panelwise.Estimation.IV;

/// <summary>Limited-information maximum likelihood as the k-class estimator with k = λ, the smallest root of
/// det(Ỹ'Ỹ - λ Ỹ'M_Z Ỹ) = 0 where Ỹ = M_W [y X1] (Anderson and Rubin 1949; ivreg2's formula, Baum, Schaffer and
/// Stillman 2007 sec. 4). b = (X'(I - kM_Z)X)^-1 X'(I - kM_Z)y. As ivreg2 does, the covariance treats X̃ = (I - kM_Z)X
/// as the instruments of an exactly identified IV fit: bread (X̃'X)^-1, scores e_i x̃_i; under iid errors s²(X̃'X)^-1.</summary>
internal static class Liml
{
    public static IvEstimate Estimate(IvSample s)
    {
        var ytil = Dense.Beside(s.YTilde, s.X1Tilde);
        var mz = Dense.Residualize(s.Z1Tilde, ytil);
        double lambda = Dense.GeneralisedEigenvalues(mz.TransposeThisAndMultiply(ytil), ytil.TransposeThisAndMultiply(ytil))[0];
        var x = s.X;
        var xk = x - lambda * Dense.Residualize(s.Z, x);
        var a = xk.TransposeThisAndMultiply(x);
        a = (a + a.Transpose()) * 0.5;
        var bread = Dense.SymmetricInverse(a);
        var b = (bread * xk.TransposeThisAndMultiply(s.YColumn)).Column(0).ToArray();
        var e = (s.YColumn - x * Dense.Column(b)).Column(0).ToArray();
        return new IvEstimate
        {
            Coefficients = b,
            Bread = bread.ToArray(),
            SandwichColumns = Dense.ColumnArrays(xk),
            Residuals = e,
            Lambda = lambda,
        };
    }
}
