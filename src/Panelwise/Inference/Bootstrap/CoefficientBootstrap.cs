using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation.IV;

namespace Panelwise.Inference.Bootstrap;

/// <summary>The wild cluster restricted bootstrap of H0: β_j = r without refitting (Roodman, MacKinnon, Nielsen and
/// Webb 2019, "Fast and wild", sections 3-5). With q = X(X'X)⁻¹e_j and restricted residuals ũ(r) = ũ₀ - r m
/// (ũ₀ = M_{X-j} y, m = M_{X-j} x_j), a draw v gives the numerator β*_j - r = Σ_h c_h v_h, c_h = q_h'ũ_h, and the
/// cluster scores of its CR variance (Jv)_g with J_gh = q_g'(M_D(ũ 1_h))_g - q_g'X_g (X'X)⁻¹ X_h'ũ_h (the first term is
/// δ_gh c_g when the fixed effects are nested in the clusters). J is never formed: J = diag(c) - Left·Right' with
/// Left = [P (X'X)⁻¹, L (B̃'B̃)⁺] and Right = [S, R] of rank k (+ m levels of fixed effects that mix clusters, see
/// <see cref="FixedEffectMixing"/>), so a draw costs O(G·(k + m)), as boottest's O(B·G·k), not O(G²); only effects
/// beyond that form fall back to a dense J. Both are linear in r, so each draw is reduced to five numbers and the p-value at any r costs O(B): t*(r) = (n₀ - r n₁)/√(a - 2rc + r²d). The CR1 factor multiplies
/// the actual and every bootstrap variance alike and cancels. p(r) = #{|t*_b(r)| ≥ |t(r)|}/B, ties counted
/// (relative 1e-10, so that the draw reproducing the sample, v = 1, counts as in an enumeration).</summary>
internal sealed class CoefficientBootstrap
{
    private const double TieTolerance = 1e-10;
    private readonly double[] _n0, _n1, _a, _c, _d;
    private readonly double _estimate, _scoreNorm;

    public CoefficientBootstrap(BootstrapDesign design, int j, BootstrapDraws draws)
    {
        int n = design.Nobs, k = design.Columns.Count, g = design.ClusterCount, reps = draws.Reps;
        var x = Matrix<double>.Build.Dense(n, k, (i, a) => design.Columns[a][i]);
        var q = (x * design.Inverse.Column(j)).ToArray();
        var codes = design.Codes;
        _estimate = design.Coefficients[j];
        var actual = ClusterDot(q, design.Residuals, codes, g);
        _scoreNorm = Math.Sqrt(actual.Sum(s => s * s));

        var (u0, m) = RestrictedResiduals(design, x, j);
        var r0 = Reduce(design, q, u0);
        var r1 = Reduce(design, q, m);
        _n0 = new double[reps]; _n1 = new double[reps]; _a = new double[reps]; _c = new double[reps]; _d = new double[reps];
        var v = draws.Values;
        Parallel.For(0, reps, () => (new double[g], new double[g]), (b, _, scratch) =>
        {
            var draw = new ReadOnlySpan<double>(v, (int)((long)b * g), g);
            double n0 = TensorPrimitives.Dot(r0.C, draw), n1 = TensorPrimitives.Dot(r1.C, draw);
            var (aa, cc, dd) = r0.Dense is null ? LowRankScores(r0, r1, draw, scratch.Item1, scratch.Item2) : DenseScores(r0.Dense, r1.Dense!, draw, g);
            _n0[b] = n0; _n1[b] = n1; _a[b] = aa; _c[b] = cc; _d[b] = dd;
            return scratch;
        }, _ => { });
    }

    /// <summary>Σ_g s0_g², Σ s0_g s1_g, Σ s1_g² with s = c∘v - Left (Right'v): O(G·rank) per draw, as dot products and
    /// multiply-adds of length G over the transposed (rank x G) tables so that they vectorise.</summary>
    private static (double A, double C, double D) LowRankScores(Reduction r0, Reduction r1, ReadOnlySpan<double> v, double[] s0, double[] s1)
    {
        int rank = r0.Rank, g = v.Length;
        TensorPrimitives.Multiply(r0.C, v, s0);
        TensorPrimitives.Multiply(r1.C, v, s1);
        for (int t = 0; t < rank; t++)
        {
            var right0 = new ReadOnlySpan<double>(r0.Right, t * g, g);
            var right1 = new ReadOnlySpan<double>(r1.Right, t * g, g);
            var left = new ReadOnlySpan<double>(r0.Left, t * g, g);
            TensorPrimitives.MultiplyAdd(left, -TensorPrimitives.Dot(right0, v), s0, s0);
            TensorPrimitives.MultiplyAdd(left, -TensorPrimitives.Dot(right1, v), s1, s1);
        }
        return (TensorPrimitives.Dot(s0, s0), TensorPrimitives.Dot(s0, s1), TensorPrimitives.Dot(s1, s1));
    }

    /// <summary>The same sums with a dense G x G J (fixed effects that mix clusters beyond the low-rank form): O(G²).</summary>
    private static (double A, double C, double D) DenseScores(double[] j0, double[] j1, ReadOnlySpan<double> v, int g)
    {
        double aa = 0, cc = 0, dd = 0;
        for (int r = 0; r < g; r++)
        {
            double s0 = TensorPrimitives.Dot(new ReadOnlySpan<double>(j0, r * g, g), v);
            double s1 = TensorPrimitives.Dot(new ReadOnlySpan<double>(j1, r * g, g), v);
            aa += s0 * s0; cc += s0 * s1; dd += s1 * s1;
        }
        return (aa, cc, dd);
    }

    /// <summary>Bootstrap p-value of H0: β_j = r (symmetric, two-sided).</summary>
    public double PValue(double r)
    {
        double t = Math.Abs(_estimate - r) / _scoreNorm * (1 - TieTolerance);
        int count = 0;
        for (int b = 0; b < _n0.Length; b++)
        {
            double num = Math.Abs(_n0[b] - r * _n1[b]);
            double den = Math.Sqrt(Math.Max(_a[b] - 2 * r * _c[b] + r * r * _d[b], 0));
            if (num >= t * den) count++;
        }
        return (double)count / _n0.Length;
    }

    /// <summary>The interval {r : p(r) ≥ α} around the estimate, each bound found by bracketing outward in steps of
    /// the CR1 standard error and bisecting to the jump of the step function p(r).</summary>
    public (double Low, double High) Interval(double alpha, double standardError)
    {
        double step = standardError > 0 && double.IsFinite(standardError) ? standardError : Math.Max(Math.Abs(_estimate), 1);
        return (Bound(-1, alpha, step), Bound(+1, alpha, step));
    }

    private double Bound(int side, double alpha, double step)
    {
        double inner = _estimate, outer = double.NaN;
        for (double width = step; width < step * 1e6; width *= 2)
        {
            double r = _estimate + side * width;
            if (PValue(r) < alpha) { outer = r; break; }
            inner = r;
        }
        if (double.IsNaN(outer)) return double.NaN;
        for (int it = 0; it < 200 && Math.Abs(outer - inner) > 1e-13 * Math.Max(Math.Abs(inner), step); it++)
        {
            double mid = 0.5 * (inner + outer);
            if (PValue(mid) >= alpha) inner = mid; else outer = mid;
        }
        return 0.5 * (inner + outer);
    }

    private static (double[] U0, double[] M) RestrictedResiduals(BootstrapDesign design, Matrix<double> x, int j)
    {
        var y = Vector<double>.Build.DenseOfArray(design.Response);
        var xj = x.Column(j);
        if (x.ColumnCount == 1) return (y.ToArray(), xj.ToArray());
        var others = x.RemoveColumn(j);
        var qr = others.QR();
        return ((y - others * qr.Solve(y)).ToArray(), (xj - others * qr.Solve(xj)).ToArray());
    }

    /// <summary>The scores of one restricted residual vector u as a function of the draw v: (Jv)_g = c_g v_g - Left_g·(Right'v)
    /// with c_h = q_h'u_h, Left = [P (X'X)⁻¹, L (B̃'B̃)⁺] and Right = [S, R] (P_g = X_g'q_g, S_h = X_h'u_h, L and R the
    /// cross tables of <see cref="FixedEffectMixing"/>), rank k (+ m), Left and Right stored rank x G; or a dense J when the mixing has no low-rank form.</summary>
    private sealed record Reduction(double[] C, double[] Left, double[] Right, int Rank, double[]? Dense);

    private static Reduction Reduce(BootstrapDesign design, double[] q, double[] u)
    {
        int n = design.Nobs, k = design.Columns.Count, g = design.ClusterCount;
        var codes = design.Codes;
        var c = ClusterDot(q, u, codes, g);
        var p = Matrix<double>.Build.Dense(g, k);   // P_g = X_g'q_g
        var s = Matrix<double>.Build.Dense(g, k);   // S_h = X_h'u_h
        var pv = new double[g * k];
        var sv = new double[g * k];
        for (int a = 0; a < k; a++)
        {
            var col = design.Columns[a];
            for (int i = 0; i < n; i++) { pv[codes[i] * k + a] += col[i] * q[i]; sv[codes[i] * k + a] += col[i] * u[i]; }
        }
        for (int h = 0; h < g; h++)
            for (int a = 0; a < k; a++) { p[h, a] = pv[h * k + a]; s[h, a] = sv[h * k + a]; }
        var pa = p * design.Inverse;
        if (!design.Nested && design.Mixing is null)
        {
            var cross = pa * s.Transpose();
            var j = new double[g * g];
            for (int r = 0; r < g; r++)
                for (int h = 0; h < g; h++) j[r * g + h] = -cross[r, h];
            AddMixing(design, q, u, j);
            return new Reduction(c, [], [], 0, j);
        }
        var mixing = design.Mixing;
        int m = mixing?.Levels ?? 0, rank = k + m;
        // Stored transposed, rank x G row-major, so that each draw works on contiguous rows of length G.
        var left = new double[(long)g * rank];
        var right = new double[(long)g * rank];
        for (int h = 0; h < g; h++)
            for (int a = 0; a < k; a++) { left[a * g + h] = pa[h, a]; right[a * g + h] = s[h, a]; }
        if (mixing is not null)
        {
            var l = mixing.CrossTable(q, codes, g);
            var r = mixing.CrossTable(u, codes, g);
            var lInv = Matrix<double>.Build.Dense(g, m, (h, t) => l[(long)h * m + t]) * mixing.Inverse;
            for (int h = 0; h < g; h++)
                for (int t = 0; t < m; t++) { left[(k + t) * g + h] = lInv[h, t]; right[(k + t) * g + h] = r[(long)h * m + t]; }
        }
        return new Reduction(c, left, right, rank, null);
    }

    /// <summary>J_gh += q_g'(M_D(u 1_h))_g, demeaning a batch of clusters' residual vectors at a time.</summary>
    private static void AddMixing(BootstrapDesign design, double[] q, double[] u, double[] j)
    {
        int n = design.Nobs, g = design.ClusterCount;
        var codes = design.Codes;
        int batch = Math.Max(1, Math.Min(g, 64_000_000 / Math.Max(n, 1) / 8));
        for (int start = 0; start < g; start += batch)
        {
            int count = Math.Min(batch, g - start);
            var columns = new List<double[]>(count);
            for (int h = start; h < start + count; h++)
            {
                var w = new double[n];
                for (int i = 0; i < n; i++) if (codes[i] == h) w[i] = u[i];
                columns.Add(w);
            }
            design.Demean(columns);
            for (int h = 0; h < count; h++)
            {
                var w = columns[h];
                for (int i = 0; i < n; i++) j[codes[i] * g + start + h] += q[i] * w[i];
            }
        }
    }

    private static double[] ClusterDot(double[] a, double[] b, int[] codes, int g)
    {
        var sums = new double[g];
        for (int i = 0; i < a.Length; i++) sums[codes[i]] += a[i] * b[i];
        return sums;
    }
}
