using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Estimation;

/// <summary>Projects a small second fixed effect (T levels) out of one-way within statistics (Frisch-Waugh-Lovell):
/// with D̃ its dummies demeaned within the large effect, Π = (D̃'D̃)⁺ D̃'[ỹ X̃] (a pseudo-inverse: D̃'D̃ is singular, its
/// null space has the dimension C of the connected components of the two effects' graph, since rank(M₁D) = T - C),
/// Ẍ'Ẍ = X̃'X̃ - X̃'D̃Π_x, Ẍ'ÿ = X̃'ỹ - X̃'D̃Π_y, ÿ'ÿ = ỹ'ỹ - ỹ'D̃Π_y. The projection D̃Π does not depend on the
/// generalised inverse chosen, so each row's ẍ = x̃ - (Π_t - avg over its group of Π_t) is exact.</summary>
public static class SmallEffectProjection
{
    /// <summary>The two-way statistics and Π (T x (1 + k): column 0 for y, then the regressors).</summary>
    /// <param name="oneWay">Within-the-large-effect statistics.</param>
    /// <param name="name">The small effect's name.</param>
    /// <param name="sums">D̃'[ỹ X̃]: T x (1 + k), the per-level sums of ỹ and x̃.</param>
    /// <param name="cross">D̃'D̃ (T x T).</param>
    /// <param name="scale">The largest level count (or weight) N_t, the scale of D'D: eigenvalues of D̃'D̃ below
    /// T·1e-12 of it are zero. Judged against D̃'D̃'s own largest eigenvalue instead, a second effect nested in the first
    /// (D̃ = 0 but for rounding, as with weights) would have its rounding noise inverted.</param>
    public static (SufficientStatistics TwoWay, double[,] Pi, int Components) Apply(SufficientStatistics oneWay, string name,
        double[,] sums, double[,] cross, double scale = 0)
    {
        int t = cross.GetLength(0), k = oneWay.Regressors.Count;
        var dd = Matrix<double>.Build.DenseOfArray(cross);
        var evd = dd.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        double max = evd.EigenValues.Enumerate().Max(v => v.Real);
        double tol = Math.Max(max, scale) * t * 1e-12;
        // Pseudo-inverse over the eigenvalues above the tolerance; the others span the components' indicator vectors.
        var inv = Matrix<double>.Build.Dense(t, t);
        int components = 0;
        for (int i = 0; i < t; i++)
        {
            double lambda = evd.EigenValues[i].Real;
            if (lambda <= tol) { components++; continue; }
            var v = evd.EigenVectors.Column(i);
            inv += v.OuterProduct(v) / lambda;
        }
        var dz = Matrix<double>.Build.DenseOfArray(sums);      // T x (1 + k)
        var pi = inv * dz;                                        // T x (1 + k)
        var correction = dz.TransposeThisAndMultiply(pi);        // [ỹ X̃]'D̃ Π, (1 + k) x (1 + k)
        var xtx = new double[k, k];
        var xty = new double[k];
        for (int a = 0; a < k; a++)
        {
            xty[a] = oneWay.Xty[a] - correction[a + 1, 0];
            for (int b = 0; b < k; b++) xtx[a, b] = oneWay.Xtx[a, b] - 0.5 * (correction[a + 1, b + 1] + correction[b + 1, a + 1]);
        }
        var large = oneWay.Effects[0];
        var twoWay = oneWay with
        {
            Effects = [large, (name, t)],
            AbsorbedDof = large.Levels + t - components - 1, Components = components,
            Xtx = xtx, Xty = xty, Yty = oneWay.Yty - correction[0, 0],
        };
        return (twoWay, pi.ToArray(), components);
    }
}
