namespace Panelwise.Absorb;

/// <summary>Absorbs fixed effects by alternating projections (the method of reghdfe and fixest): each sweep
/// subtracts the (weighted) level means of every effect in turn; the limit is the residual of the projection on
/// all the dummies. Irons-Tuck extrapolation every third sweep accelerates slow cases (Varadhan and Roland 2008,
/// as fixest does). Columns are demeaned in place and in parallel; the loops allocate nothing per row.</summary>
public sealed class AlternatingProjections : IFixedEffectSolver
{
    private readonly IReadOnlyList<FixedEffect> _effects;
    private readonly double[]? _weights;
    private readonly double[][] _inverseLevelWeights;
    private readonly AbsorbOptions _options;

    public AlternatingProjections(IReadOnlyList<FixedEffect> effects, double[]? weights, AbsorbOptions options)
    {
        if (effects.Count == 0) throw new ArgumentException("At least one fixed effect is needed.", nameof(effects));
        _effects = effects;
        _weights = weights;
        _options = options;
        _inverseLevelWeights = effects.Select(fe =>
        {
            var w = fe.LevelWeights(weights);
            for (int l = 0; l < w.Length; l++) w[l] = w[l] > 0 ? 1.0 / w[l] : 0.0;
            return w;
        }).ToArray();
    }

    /// <summary>Stop a column as soon as its contraction rate says the iteration limit cannot be met (for a probe
    /// whose failure hands the column to another solver; a plain fit would only fail later).</summary>
    public bool GiveUpWhenSlow { get; init; }

    /// <summary>Demeans every column in place; returns the worst iteration count and convergence over columns.</summary>
    public SolveReport Demean(IReadOnlyList<double[]> columns) => DemeanEach(columns, out _);

    /// <summary>Demeans every column in place and says which converged. A column that did not is still of the form
    /// x - Dα (every sweep and extrapolation subtracts dummies' multiples), so another solver can finish it.</summary>
    public SolveReport DemeanEach(IReadOnlyList<double[]> columns, out bool[] converged)
    {
        var reports = new ColumnReport[columns.Count];
        int threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            c => reports[c] = DemeanColumn(columns[c]));
        converged = reports.Select(r => r.Converged).ToArray();
        return Summarise(reports);
    }

    private SolveReport Summarise(ColumnReport[] reports)
    {
        int iterations = 0;
        bool converged = true;
        double achieved = 0;
        foreach (var r in reports)
        {
            iterations = Math.Max(iterations, r.Iterations);
            converged &= r.Converged;
            achieved = Math.Max(achieved, r.Change);
        }
        return new SolveReport(_effects.Count == 1 ? "one-way demeaning (exact)" : "alternating projections, Irons-Tuck accelerated",
            iterations, converged, achieved);
    }

    private readonly record struct ColumnReport(int Iterations, bool Converged, double Change);

    private ColumnReport DemeanColumn(double[] x)
    {
        int g = _effects.Count;
        var sums = _effects.Select(fe => new double[fe.Levels]).ToArray();
        if (g == 1)
        {
            Accumulate(x, 0, sums[0]);
            SubtractMeans(x, 0, sums[0]);
            return new ColumnReport(1, true, 0); // one projection is exact: nothing is left to converge
        }
        double scale = CenteredRootMeanSquare(x);
        if (scale == 0) { Array.Clear(x); return new ColumnReport(0, true, 0); }
        double tol = _options.Tolerance * scale;
        double[]? x0 = null, x1 = null;
        double threeBack = double.NaN;
        Accumulate(x, 0, sums[0]);
        for (int iter = 1; iter <= _options.MaxIterations; iter++)
        {
            double change = Sweep(x, sums);
            if (change <= tol) return new ColumnReport(iter, true, change / scale);
            if (iter % 3 == 0)
            {
                // Same phase of the extrapolation cycle three sweeps apart: the contraction per cycle.
                double rate = change / threeBack;
                if (GiveUpWhenSlow && iter >= 6 && (rate >= 1 || iter + 3 * Math.Log(tol / change) / Math.Log(rate) > _options.MaxIterations))
                    return new ColumnReport(iter, false, change / scale);
                threeBack = change;
            }
            if (iter < 3) continue;
            int phase = iter % 3;
            if (phase == 0) { x0 ??= new double[x.Length]; x.CopyTo(x0, 0); }
            else if (phase == 1 && x0 is not null) { x1 ??= new double[x.Length]; x.CopyTo(x1, 0); }
            else if (phase == 2 && x0 is not null && x1 is not null)
            {
                IronsTuck(x0, x1, x);
                Array.Clear(sums[0]);
                Accumulate(x, 0, sums[0]);
            }
            if (iter == _options.MaxIterations) return new ColumnReport(iter, false, change / scale);
        }
        return new ColumnReport(_options.MaxIterations, false, double.NaN);
    }

    /// <summary>One sweep over all effects. On entry sums[0] holds the weighted sums of x for effect 0; on exit
    /// likewise (the subtraction of each effect's means is fused with the accumulation of the next one's sums).
    /// Returns an upper bound of the largest change of any value.</summary>
    private double Sweep(double[] x, double[][] sums)
    {
        int g = _effects.Count;
        double change = 0;
        for (int e = 0; e < g; e++)
        {
            var means = sums[e];
            var inv = _inverseLevelWeights[e];
            double largest = 0;
            for (int l = 0; l < means.Length; l++)
            {
                means[l] *= inv[l];
                largest = Math.Max(largest, Math.Abs(means[l]));
            }
            change += largest;
            int next = (e + 1) % g;
            var nextSums = sums[next];
            if (next != e) Array.Clear(nextSums);
            SubtractAndAccumulate(x, _effects[e].Codes, means, _effects[next].Codes, nextSums);
        }
        return change;
    }

    private void SubtractAndAccumulate(double[] x, int[] codes, double[] means, int[] nextCodes, double[] nextSums)
    {
        var w = _weights;
        if (w is null)
            for (int i = 0; i < x.Length; i++)
            {
                double v = x[i] - means[codes[i]];
                x[i] = v;
                nextSums[nextCodes[i]] += v;
            }
        else
            for (int i = 0; i < x.Length; i++)
            {
                double v = x[i] - means[codes[i]];
                x[i] = v;
                nextSums[nextCodes[i]] += w[i] * v;
            }
    }

    private void Accumulate(double[] x, int effect, double[] sums)
    {
        var codes = _effects[effect].Codes;
        var w = _weights;
        if (w is null) for (int i = 0; i < x.Length; i++) sums[codes[i]] += x[i];
        else for (int i = 0; i < x.Length; i++) sums[codes[i]] += w[i] * x[i];
    }

    private void SubtractMeans(double[] x, int effect, double[] sums)
    {
        var inv = _inverseLevelWeights[effect];
        var codes = _effects[effect].Codes;
        for (int l = 0; l < sums.Length; l++) sums[l] *= inv[l];
        for (int i = 0; i < x.Length; i++) x[i] -= sums[codes[i]];
    }

    /// <summary>Irons-Tuck step from three successive iterates x0, x1 = F(x0), x2 = F(x1) (x2 overwritten):
    /// x2 - (d2'dd / dd'dd) d2 with d2 = x2 - x1 and dd = x2 - 2 x1 + x0.</summary>
    private static void IronsTuck(double[] x0, double[] x1, double[] x2)
    {
        double num = 0, den = 0;
        for (int i = 0; i < x2.Length; i++)
        {
            double d2 = x2[i] - x1[i];
            double dd = d2 - (x1[i] - x0[i]);
            num += d2 * dd;
            den += dd * dd;
        }
        if (den <= 0 || !double.IsFinite(num / den)) return;
        double coef = num / den;
        for (int i = 0; i < x2.Length; i++) x2[i] -= coef * (x2[i] - x1[i]);
    }

    /// <summary>The column's spread around its mean: the scale against which convergence is judged, so that
    /// a column's level (years near 2000) does not loosen the tolerance.</summary>
    private static double CenteredRootMeanSquare(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i];
        double mean = sum / Math.Max(1, x.Length);
        double ss = 0;
        for (int i = 0; i < x.Length; i++) ss += (x[i] - mean) * (x[i] - mean);
        return Math.Sqrt(ss / Math.Max(1, x.Length));
    }
}
