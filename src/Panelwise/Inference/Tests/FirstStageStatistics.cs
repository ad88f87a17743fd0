using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Tests;

/// <summary>First-stage statistics per endogenous regressor, on M_W-partialled data (X̃1, Z̃1), L = all instruments:
/// partial R² = 1 - v'v / x̃'x̃ with v = x̃ - Z̃1 π; iid F = (R²p / L2) / ((1 - R²p) / (N - L - dofminus));
/// robust/cluster F = π' V^-1 π / L2 with V = c (Z̃1'Z̃1)^-1 S (Z̃1'Z̃1)^-1 (the first-stage HC1/CR1 block, k = L);
/// Shea partial R²_j = [(X̃1'X̃1)^-1]_jj / [(X̃1'P X̃1)^-1]_jj (Shea 1997);
/// Sanderson-Windmeijer F_j: ε = x̃_j - X̃_{-j} δ with δ the 2SLS coefficients of x̃_j on the other endogenous
/// regressors, then the F of ε on Z̃1 with L2 - K1 + 1 numerator degrees of freedom (Sanderson and Windmeijer 2016,
/// eq. 19; ivreg2 <c>first</c>); it equals the first-stage F when K1 = 1.</summary>
internal static class FirstStageStatistics
{
    public static List<FirstStageRow> Compute(IvTestContext ctx)
    {
        var s = ctx.Sample;
        var x = s.X1Tilde;
        var z = s.Z1Tilde;
        var px = Dense.Project(z, x);
        var xxInv = Dense.SymmetricInverse(Dense.Cross(x, x));
        var pxInv = Dense.SymmetricInverse(Dense.Cross(px, px));
        var (factor, df) = ctx.Scale(s.L);
        double dfIid = s.N - s.L - s.DofMinus;
        var rows = new List<FirstStageRow>();
        for (int j = 0; j < s.K1; j++)
        {
            var xj = x.SubMatrix(0, x.RowCount, j, 1);
            var (fIid, pr2, f, coefficients) = Regress(ctx, z, xj, s.L2, factor, df, dfIid, s.InstrumentNames);
            var swResidual = SwResidual(x, px, j);
            int swDf = s.L2 - s.K1 + 1;
            var (swIid, _, swF, _) = Regress(ctx, z, swResidual, swDf, factor, df, dfIid, s.InstrumentNames);
            double swValue = ctx.IsIid ? swIid : swF.Statistic;
            rows.Add(new FirstStageRow
            {
                Endogenous = s.EndogenousNames[j],
                F = f,
                FIid = fIid,
                PartialR2 = pr2,
                SheaPartialR2 = xxInv[j, j] / pxInv[j, j],
                SandersonWindmeijerF = new TestStatistic("F", swValue, swDf, TailProbability.FisherUpper(swValue, swDf, df), df),
                Coefficients = coefficients,
            });
        }
        return rows;
    }

    /// <summary>The score families (Z̃1, first-stage residuals) the robust F statistics read: per endogenous regressor,
    /// its own first stage, then the Sanderson-Windmeijer one.</summary>
    public static IEnumerable<(Matrix<double> Z, Matrix<double> E)> ScoreFamilies(IvSample s)
    {
        var x = s.X1Tilde;
        var z = s.Z1Tilde;
        var px = Dense.Project(z, x);
        for (int j = 0; j < s.K1; j++)
        {
            yield return (z, FirstStageResidual(z, x.SubMatrix(0, x.RowCount, j, 1)));
            yield return (z, FirstStageResidual(z, SwResidual(x, px, j)));
        }
    }

    private static Matrix<double> FirstStageResidual(Matrix<double> z, Matrix<double> y) => Dense.Residual(y, z, Dense.Coefficients(z, y));

    /// <summary>Regresses y on z: iid F and partial R² with q numerator df, and the F under the model's covariance.</summary>
    private static (double FIid, double PartialR2, TestStatistic F, List<CoefficientRow> Rows) Regress(IvTestContext ctx,
        Matrix<double> z, Matrix<double> y, int q, double factor, double df, double dfIid, IReadOnlyList<string> names)
    {
        var pi = Dense.Coefficients(z, y);
        var v = FirstStageResidual(z, y);
        double ssrU = v.Column(0).DotProduct(v.Column(0));
        double ssrR = y.Column(0).DotProduct(y.Column(0));
        double pr2 = 1 - ssrU / ssrR;
        double fIid = ((ssrR - ssrU) / q) / (ssrU / dfIid);
        Matrix<double> cov;
        double f;
        var zzInv = Dense.SymmetricInverse(Dense.Cross(z, z));
        if (ctx.IsIid)
        {
            cov = ssrU / dfIid * zzInv;
            f = fIid;
        }
        else
        {
            var meat = Gmm.MomentsOf(ctx.Sample, z, v, ctx.Moments);
            cov = factor * (zzInv * meat * zzInv);
            cov = (cov + cov.Transpose()) * 0.5;
            f = (pi.TransposeThisAndMultiply(cov.Solve(pi)))[0, 0] / q;
        }
        double dfUsed = ctx.IsIid ? dfIid : df;
        double crit = TailProbability.CriticalValue(dfUsed);
        var rows = new List<CoefficientRow>();
        for (int l = 0; l < z.ColumnCount; l++)
        {
            double b = pi[l, 0], se = Math.Sqrt(cov[l, l]), t = b / se;
            rows.Add(new CoefficientRow(names[l], b, se, t, TailProbability.StudentTwoSided(t, dfUsed), b - crit * se, b + crit * se));
        }
        return (fIid, pr2, new TestStatistic("F", f, q, TailProbability.FisherUpper(f, q, dfUsed), dfUsed), rows);
    }

    /// <summary>x̃_j minus its 2SLS fit on the other endogenous regressors (instruments Z̃1); x̃_j itself when K1 = 1.</summary>
    private static Matrix<double> SwResidual(Matrix<double> x, Matrix<double> px, int j)
    {
        var xj = x.SubMatrix(0, x.RowCount, j, 1);
        if (x.ColumnCount == 1) return xj;
        var others = Enumerable.Range(0, x.ColumnCount).Where(c => c != j).ToArray();
        var xo = Matrix<double>.Build.DenseOfColumnVectors(others.Select(c => x.Column(c)));
        var pxo = Matrix<double>.Build.DenseOfColumnVectors(others.Select(c => px.Column(c)));
        var delta = Dense.Coefficients(pxo, xj);
        return Dense.Residual(xj, xo, delta);
    }
}
