namespace Panelwise.Estimation.IV;

/// <summary>Limited-information maximum likelihood as the k-class estimator with k = λ, the smallest root of
/// det(Ỹ'Ỹ - λ Ỹ'M_Z Ỹ) = 0 where Ỹ = M_W [y X1] (Anderson and Rubin 1949; ivreg2's formula, Baum, Schaffer and
/// Stillman 2007 sec. 4). b = (X'(I - kM_Z)X)^-1 X'(I - kM_Z)y. Covariance as ivreg2 reports it (checked against its
/// published output): under iid errors s²(X'(I - kM_Z)X)^-1; robust/cluster B (Σ e_i² x̂_i x̂_i') B with B = (X'(I - kM_Z)X)^-1,
/// x̂ = P_Z x the first-stage fitted values and e the LIML residuals. On the sample's coordinates, without reading the rows
/// (residuals and x̂ as for 2SLS).</summary>
internal static class Liml
{
    public static IvEstimate Estimate(IvSample s)
    {
        var ytil = Dense.Beside(s.YTilde, s.X1Tilde);
        var mz = Dense.Residualize(s.Z1Tilde, ytil);
        double lambda = Dense.GeneralisedEigenvalues(Dense.Cross(mz, ytil), Dense.Cross(ytil, ytil))[0];
        var x = s.X;
        var xk = x - lambda * Dense.Residualize(s.Z, x);
        var a = Dense.Cross(xk, x);
        a = (a + a.Transpose()) * 0.5;
        var bread = Dense.SymmetricInverse(a);
        var b = bread * Dense.Cross(xk, s.YColumn);
        var xhat = Dense.Project(s.Z, x);
        return new IvEstimate
        {
            Coefficients = b.Column(0).ToArray(),
            Bread = bread.ToArray(),
            SandwichCoordinates = xhat,
            SandwichColumns = s.RowsOnDemand(xhat),
            ResidualCoordinates = Dense.Residual(s.YColumn, x, b),
            Lambda = lambda,
        };
    }
}
