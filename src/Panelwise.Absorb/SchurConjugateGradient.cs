using Panelwise.Absorb.Internal;

namespace Panelwise.Absorb;

/// <summary>Absorbs several large fixed effects where alternating projections crawl (worker + firm + year with few
/// movers): the largest effect B is eliminated exactly (Frisch-Waugh-Lovell), and the normal equations of the others,
/// S γ = D'W M_B x with S = D'W M_B D, are solved by preconditioned conjugate gradients (Hestenes and Stiefel 1952)
/// with a block-Jacobi preconditioner: exact diagonal for large effects, exact dense block for small ones. This is the
/// coefficient-space approach of Gaure (2013, lfe's "cg" method) and of LSMR-based solvers (Correia 2017), with the
/// largest block solved exactly. All columns share each pass over the rows; the rows are split over the threads.
/// When a single large effect F is left besides small ones (worker + firm + year), those small ones are eliminated
/// exactly too and F's Schur complement is stored (<see cref="Internal.ExplicitSchur"/>: sparse through the movers),
/// so an iteration costs O(nnz) instead of two passes over the rows; the row passes remain for the right-hand side
/// and the final residuals, and for graphs where the stored form would outgrow the data.
/// <para>Stopping rule: CG minimises the S-norm error, and ‖γ* - γ‖_S is exactly the W-norm of the error left in the
/// demeaned column. It is estimated by the Hestenes-Stiefel sum over the last d = <see cref="ErrorDelay"/> steps,
/// Σ α_j r_j'z_j (Strakoš and Tichý 2002), and the iterations stop once that estimate is at most the tolerance times
/// the column's centred norm. The sum is an estimate (it omits the error left after the last step, so it is a lower
/// bound for the iterate d steps back, which the returned iterate improves on), not a guarantee; against fits at
/// tolerance 1e-14 on the bench panels it held with room (bench/README.md). Because the error lies in the span of
/// the dummies, which the exact demeaned columns
/// are orthogonal to, the slope coefficients' error is of second order: |δβ| ≲ tol² times the ratio of the columns'
/// norms to the within design's smallest singular value; standard errors err to first order, about tol.</para></summary>
public sealed class SchurConjugateGradient : IFixedEffectSolver
{
    /// <summary>Steps over which the error of an iterate is estimated (the estimate refers to the iterate d steps back,
    /// so the returned iterate is at least as accurate).</summary>
    public const int ErrorDelay = 10;

    private readonly FixedEffect _big;
    private readonly IReadOnlyList<FixedEffect> _others;
    private readonly double[]? _weights;
    private readonly AbsorbOptions _options;
    private readonly SchurOperator _operator;
    private readonly SchurPreconditioner? _preconditioner;
    private ExplicitSchur? _explicit; // null when the large effect is too densely linked to store (row passes instead)

    public SchurConjugateGradient(IReadOnlyList<FixedEffect> effects, double[]? weights, AbsorbOptions options)
    {
        if (effects.Count < 2) throw new ArgumentException("Two or more fixed effects are needed.", nameof(effects));
        _big = effects.MaxBy(e => e.Levels)!;
        var rest = effects.Where(e => !ReferenceEquals(e, _big)).OrderBy(e => e.Levels).ToList();
        var small = new List<FixedEffect>();
        int smallLevels = 0;
        foreach (var e in rest)
        {
            if (smallLevels + e.Levels > FixedEffectSolver.DirectLevelLimit) break;
            small.Add(e);
            smallLevels += e.Levels;
        }
        var large = rest.Where(e => !small.Contains(e)).ToList();
        _others = [.. large, .. small];
        _weights = weights;
        _options = options;
        var inverseBig = _big.LevelWeights(weights);
        for (int l = 0; l < inverseBig.Length; l++) inverseBig[l] = 1.0 / inverseBig[l];
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        _operator = new SchurOperator(_big, _others, weights, inverseBig, threads);
        if (large.Count == 1 && ExplicitSchur.Fits(large[0].Levels, smallLevels, _big.Codes.Length))
        {
            var offsets = new int[small.Count + 1];
            for (int s = 0; s < small.Count; s++) offsets[s + 1] = offsets[s] + small[s].Levels;
            var block = SmallCholesky.Factor(small.Count == 0 ? new double[0, 0] : PartialledGram.Compute(_big, small, offsets, weights, inverseBig, PartialledGram.IsGrouped(_big.Codes)));
            _explicit = new ExplicitSchur(_big, large[0], small, block, weights, inverseBig);
            if (_explicit.TooDense) _explicit = null;
        }
        if (_explicit is null) _preconditioner = new SchurPreconditioner(_big, large, small, weights, inverseBig);
    }

    public string Method => _explicit is not null
        ? $"conjugate gradient on the {_others[0].Name} normal equations, {string.Join(" + ", _others.Skip(1).Select(e => e.Name).Prepend(_big.Name))} eliminated exactly, Jacobi preconditioned"
        : $"conjugate gradient on the {string.Join(" + ", _others.Select(e => e.Name))} normal equations, {_big.Name} eliminated exactly, block-Jacobi preconditioned";

    public SolveReport Demean(IReadOnlyList<double[]> columns)
    {
        int m = _operator.Size;
        var ws = new SchurOperator.Workspace(_operator, columns.Count);
        int k = ws.K; // interleaving stride; columns beyond columns.Count are zero padding and stay inactive
        var scale = new double[k];
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = _operator.Threads }, c => scale[c] = CentredNorm(columns[c]));
        var b = new double[m * k];
        _operator.RightHandSide(columns, b, ws);
        // With the explicit system the iterations run on F alone: reduce the right-hand side first.
        int size = _explicit?.Size ?? m;
        var scratch = new double[3 * Math.Max(1, m - (_explicit?.Size ?? m) + (_preconditioner?.SmallSize ?? 0))];
        var rhs = b;
        if (_explicit is not null)
        {
            rhs = new double[size * k];
            for (int c = 0; c < columns.Count; c++) _explicit.ReduceRightHandSide(b, k, rhs, k, c, scratch);
        }
        var applyScratch = _explicit?.CreateScratch(_operator.Threads, k);
        var gamma = new double[size * k];
        var r = (double[])rhs.Clone();
        var z = new double[size * k];
        var q = new double[size * k];
        for (int c = 0; c < k; c++) Precondition(r, z, k, c, scratch);
        var p = (double[])z.Clone();
        var rz = Dot(r, z, k);
        var bNorm = Dot(rhs, rhs, k);
        var active = new bool[k];
        var terms = new double[k, ErrorDelay];
        var estimate = new double[k];
        for (int c = 0; c < k; c++) active[c] = scale[c] > 0 && rz[c] > 0;
        int iterations = 0;
        while (active.Any(a => a) && iterations < _options.MaxIterations)
        {
            iterations++;
            if (_explicit is not null) _explicit.Apply(p, q, k, columns.Count, applyScratch!);
            else _operator.Apply(p, q, ws);
            var pq = Dot(p, q, k);
            for (int c = 0; c < k; c++)
            {
                if (!active[c]) continue;
                if (!(pq[c] > 0)) { active[c] = false; continue; }
                double alpha = rz[c] / pq[c];
                for (int l = c; l < gamma.Length; l += k)
                {
                    gamma[l] += alpha * p[l];
                    r[l] -= alpha * q[l];
                }
                terms[c, iterations % ErrorDelay] = alpha * rz[c];
                Precondition(r, z, k, c, scratch);
            }
            var rzNew = Dot(r, z, k);
            for (int c = 0; c < k; c++)
            {
                if (!active[c]) continue;
                double sum = 0;
                for (int j = 0; j < ErrorDelay; j++) sum += terms[c, j];
                estimate[c] = Math.Sqrt(sum) / scale[c];
                if ((iterations >= ErrorDelay && estimate[c] <= _options.Tolerance) || !(rzNew[c] > 0))
                {
                    active[c] = false;
                    continue;
                }
                double beta = rzNew[c] / rz[c];
                rz[c] = rzNew[c];
                for (int l = c; l < p.Length; l += k) p[l] = z[l] + beta * p[l];
            }
        }
        if (_explicit is not null)
        {
            for (int c = 0; c < columns.Count; c++) _explicit.Recover(gamma, k, b, k, c, scratch);
            gamma = b; // now γ for F and S together, in the operator's level order
        }
        _operator.Residualize(columns, gamma, ws);
        var residual = Dot(r, r, k);
        double achieved = 0, error = 0;
        for (int c = 0; c < k; c++)
        {
            if (bNorm[c] > 0) achieved = Math.Max(achieved, Math.Sqrt(residual[c] / bNorm[c]));
            error = Math.Max(error, estimate[c]);
        }
        return new SolveReport(Method, iterations, !active.Any(a => a), achieved) { EstimatedError = error };
    }

    private void Precondition(double[] r, double[] z, int k, int c, double[] scratch)
    {
        if (_explicit is not null) { _explicit.Precondition(r, z, k, c); return; }
        int s = _preconditioner!.SmallSize;
        _preconditioner.Apply(r, z, k, c, scratch.AsSpan(0, s), scratch.AsSpan(s, s), scratch.AsSpan(2 * s, s));
    }

    /// <summary>Σ_l u[l,c] v[l,c] for each of the K interleaved columns.</summary>
    private static double[] Dot(double[] u, double[] v, int k)
    {
        var s = new double[k];
        for (int l = 0; l < u.Length; l += k)
            for (int c = 0; c < k; c++) s[c] += u[l + c] * v[l + c];
        return s;
    }

    /// <summary>The column's weighted centred norm: the scale of the stopping rule, so that a column's level (years
    /// near 2000) does not loosen the tolerance.</summary>
    private double CentredNorm(double[] x)
    {
        var w = _weights;
        double sw = 0, sx = 0;
        for (int i = 0; i < x.Length; i++) { double wi = w is null ? 1 : w[i]; sw += wi; sx += wi * x[i]; }
        double mean = sx / sw, ss = 0;
        for (int i = 0; i < x.Length; i++) { double wi = w is null ? 1 : w[i]; ss += wi * (x[i] - mean) * (x[i] - mean); }
        return Math.Sqrt(ss);
    }
}
