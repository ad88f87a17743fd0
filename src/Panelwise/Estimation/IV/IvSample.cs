using Panelwise.Estimation.Moments;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>An IV estimation sample ready for algebra: fixed effects absorbed (no means added back: the constant is
/// absorbed too, as xtivreg2 fe), collinear columns dropped, and the included exogenous regressors W partialled out
/// of y, X1 and Z1 for the identification tests (Frisch-Waugh-Lovell, as ivreg2's partial()).
/// X = [X1 W] (K = K1 + K2 columns), Z = [Z1 W] (L = L2 + K2). DofMinus = levels absorbed by the fixed effects
/// (xtivreg2 passes dofminus(N_g)).
/// The algebra runs on coordinates: with D = [W Z1 X1 y] = Q R (thin QR, Q orthonormal, computed once by
/// <see cref="IvBasis"/> in two passes, one when the collinearity checks' Gram gives D'D), every column set is given by its p-row block of R (p = K2 + L2 + K1 + 1), so
/// cross products, projections, least-squares fits and partialling out W of the n-row columns equal those of their
/// coordinates, at the cost of p x p algebra. Only score, residual and fitted-value columns go back to the rows
/// (<see cref="Rows"/>, <see cref="Scores"/>: one pass each).</summary>
internal sealed class IvSample
{
    public required int N { get; init; }
    public required double[] Y { get; init; }
    public required IReadOnlyList<double[]> X1Columns { get; init; }
    public required IReadOnlyList<double[]> WColumns { get; init; }
    public required IReadOnlyList<double[]> Z1Columns { get; init; }
    public required IReadOnlyList<string> EndogenousNames { get; init; }

    /// <summary>D'D of D = [W Z1 X1 y] when the collinearity checks formed it (large samples): the QR then takes one
    /// pass instead of two. Null otherwise.</summary>
    public double[,]? DataGram { get; init; }

    /// <summary>Included exogenous names in formula order, "_cons" last when the model has a constant.</summary>
    public required IReadOnlyList<string> ExogenousNames { get; init; }
    public required IReadOnlyList<string> InstrumentNames { get; init; }
    public required IReadOnlyList<string> DroppedTerms { get; init; }
    public required int DofMinus { get; init; }
    public required bool Intercept { get; init; }
    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }
    public required IReadOnlyList<FixedEffect> Clusters { get; init; }

    /// <summary>Unit and period of each observation when the panel is declared (Newey-West, Driscoll-Kraay); null otherwise.</summary>
    public PanelCodes? Panel { get; init; }
    public required double Tss { get; init; }
    public required double TssWithin { get; init; }
    public required SolveReport? AbsorbReport { get; init; }
    public required List<Note> Notes { get; init; }

    /// <summary>Power-of-two factor each regressor was multiplied by (see LinearFit.Scales); null when all are 1.</summary>
    public IReadOnlyDictionary<string, double>? Scales { get; init; }
    public required string Formula { get; init; }
    public required string ResponseName { get; init; }

    public int K1 => X1Columns.Count;
    public int K2 => WColumns.Count;
    public int L2 => Z1Columns.Count;
    public int K => K1 + K2;
    public int L => L2 + K2;

    /// <summary>Number of data columns p (rows of every coordinate matrix).</summary>
    public int P => K2 + L2 + K1 + 1;

    /// <summary>How many passes over the n rows the sample has made (the factorisation counts its passes, each
    /// <see cref="Rows"/> or <see cref="Scores"/> call one). Tests bound it so that no statistic refits over the rows
    /// inside a search (issue 14).</summary>
    public int RowAccesses => _rowAccesses;

    private int _rowAccesses;
    private Matrix<double>? _r;
    private IReadOnlyList<double[]>? _data;

    private IReadOnlyList<double[]> Data => _data ??= [.. WColumns, .. Z1Columns, .. X1Columns, Y];

    /// <summary>R of D = Q R (p x p upper triangular), computed on first use.</summary>
    public Matrix<double> R
    {
        get
        {
            if (_r is null)
            {
                Interlocked.Add(ref _rowAccesses, DataGram is null ? 2 : 1);
                _r = IvBasis.Factor(Data, N, DataGram);
            }
            return _r;
        }
    }

    private Matrix<double> Block(int from, int count) => R.SubMatrix(0, P, from, count);

    private Matrix<double> Partialled(int from, int count)
    {
        var m = Block(from, count);
        for (int i = 0; i < K2; i++)
            for (int j = 0; j < count; j++) m[i, j] = 0;
        return m;
    }

    /// <summary>Coordinates of the columns (p rows each).</summary>
    public Matrix<double> W => Block(0, K2);
    public Matrix<double> Z1 => Block(K2, L2);
    public Matrix<double> X1 => Block(K2 + L2, K1);
    public Matrix<double> YColumn => Block(P - 1, 1);
    public Matrix<double> X => Dense.Beside(X1, W);
    public Matrix<double> Z => Dense.Beside(Z1, W);

    /// <summary>M_W X1 (coordinates: the W rows of Q project out exactly).</summary>
    public Matrix<double> X1Tilde => Partialled(K2 + L2, K1);

    /// <summary>M_W Z1.</summary>
    public Matrix<double> Z1Tilde => Partialled(K2, L2);

    /// <summary>M_W y as a p x 1 coordinate matrix.</summary>
    public Matrix<double> YTilde => Partialled(P - 1, 1);

    /// <summary>The n-row columns whose coordinates are <paramref name="coordinates"/> (one pass).</summary>
    public double[][] Rows(Matrix<double> coordinates)
    {
        var c = IvBasis.DataSpace(R, coordinates);
        Interlocked.Increment(ref _rowAccesses);
        return IvBasis.Rows(Data, N, c);
    }

    /// <summary>The n-row residual y - X b of coefficients b on X = [X1 W]: one pass, from the data columns, unless a
    /// fused score pass already wrote it (<see cref="PrefetchScoreMoments"/>); kept, so a fit re-covaried or a second
    /// estimator with the same b reads it again for free.</summary>
    public double[] Residual(IReadOnlyList<double> b)
    {
        var c = ResidualCombination(b);
        lock (_residuals)
        {
            int kept = _residuals.FindIndex(r => r.Combination.AsSpan().SequenceEqual(c));
            if (kept >= 0) return _residuals[kept].Rows;
        }
        Interlocked.Increment(ref _rowAccesses);
        var rows = IvBasis.Rows(Data, N, Matrix<double>.Build.DenseOfColumnArrays(c))[0];
        lock (_residuals) _residuals.Add((c, rows));
        return rows;
    }

    /// <summary>The data combination of y - X b (1 on y, -b on X1 and W).</summary>
    private double[] ResidualCombination(IReadOnlyList<double> b)
    {
        var c = new double[P];
        c[P - 1] = 1;
        for (int j = 0; j < K1; j++) c[K2 + L2 + j] = -b[j];
        for (int j = 0; j < K2; j++) c[j] = -b[K1 + j];
        return c;
    }

    private readonly List<(double[] Combination, double[] Rows)> _residuals = [];

    /// <summary>The n-row columns of <paramref name="coordinates"/>, formed on first use (one pass then): the sandwich
    /// columns of an estimate, which only the kernel, multi-way and leverage covariances read row by row.</summary>
    public IReadOnlyList<double[]> RowsOnDemand(Matrix<double> coordinates) => new OnDemandColumns(coordinates.ColumnCount, () => Rows(coordinates));

    /// <summary>Score columns e_a ∘ z_l, column a·L + l, for coordinates of instruments z (p x L) and of residuals
    /// e (p x q): one pass.</summary>
    public List<double[]> Scores(Matrix<double> z, Matrix<double> e)
    {
        var zc = IvBasis.DataSpace(R, z);
        var ec = IvBasis.DataSpace(R, e);
        Interlocked.Increment(ref _rowAccesses);
        return IvBasis.Scores(Data, N, zc, ec);
    }

    /// <summary>S of the score columns e_a ∘ z_l (as <see cref="Scores"/>) summed as <paramref name="moments"/> says:
    /// one pass. By observation or one-way cluster the sums are taken while the scores are formed, with no n-row
    /// score arrays (<see cref="IvScoreMoments"/>); multi-way clusters and the kernel (HAC) forms sum materialised
    /// columns (MomentStructure.Compute).</summary>
    public double[,] ScoreMoments(Matrix<double> z, Matrix<double> e, MomentStructure moments)
    {
        if (moments.Lag is not null || moments.Clusters.Count > 1) return moments.Compute(Scores(z, e));
        var cluster = moments.Clusters.Count == 1 ? moments.Clusters[0] : null;
        lock (_prefetched)
        {
            var hit = _prefetched.FindIndex(p => ReferenceEquals(p.Cluster, cluster) && p.Z.Equals(z) && p.E.Equals(e));
            if (hit >= 0) return (double[,])_prefetched[hit].S.Clone();
        }
        var zc = IvBasis.DataSpace(R, z);
        var ec = IvBasis.DataSpace(R, e);
        Interlocked.Increment(ref _rowAccesses);
        return IvScoreMoments.Compute(Data, N, zc, ec, cluster);
    }

    /// <summary>Sums S for every (z, e) family in one pass over the rows (by observation or one-way cluster; a no-op
    /// for the kernel and multi-way forms) and keeps them until <see cref="ClearPrefetched"/>: a later
    /// <see cref="ScoreMoments"/> call with equal z, e and the same cluster (or none) returns the kept S (bit-identical
    /// to its own pass, see <see cref="IvScoreMoments"/>) instead of reading the rows again. The same pass writes the
    /// residual rows of the coefficient vectors <paramref name="residuals"/> (kept for <see cref="Residual"/>).
    /// Families already kept and residuals already formed are skipped; when nothing is left, no pass is made.</summary>
    public void PrefetchScoreMoments(IReadOnlyList<(Matrix<double> Z, Matrix<double> E)> families, MomentStructure moments,
        IReadOnlyList<IReadOnlyList<double>>? residuals = null)
    {
        if (moments.Lag is not null || moments.Clusters.Count > 1) return;
        var cluster = moments.Clusters.Count == 1 ? moments.Clusters[0] : null;
        List<(Matrix<double> Z, Matrix<double> E)> missing;
        lock (_prefetched)
            missing = families.Where(f => !_prefetched.Any(p => ReferenceEquals(p.Cluster, cluster) && p.Z.Equals(f.Z) && p.E.Equals(f.E))).ToList();
        var outputs = new List<double[]>();
        foreach (var b in residuals ?? [])
        {
            var c = ResidualCombination(b);
            lock (_residuals)
                if (!_residuals.Any(r => r.Combination.AsSpan().SequenceEqual(c)) && !outputs.Any(o => o.AsSpan().SequenceEqual(c))) outputs.Add(c);
        }
        if (missing.Count == 0 && outputs.Count == 0) return;
        var coordinates = missing.Select(f => (IvBasis.DataSpace(R, f.Z), IvBasis.DataSpace(R, f.E))).ToList();
        var targets = outputs.Select(_ => new double[N]).ToList();
        Interlocked.Increment(ref _rowAccesses);
        var sums = IvScoreMoments.Compute(Data, N, coordinates, cluster, outputs, targets);
        lock (_prefetched)
            for (int i = 0; i < missing.Count; i++) _prefetched.Add((cluster, missing[i].Z, missing[i].E, sums[i]));
        lock (_residuals)
            for (int i = 0; i < outputs.Count; i++) _residuals.Add((outputs[i], targets[i]));
    }

    /// <summary>Drops the sums kept by <see cref="PrefetchScoreMoments"/>.</summary>
    public void ClearPrefetched()
    {
        lock (_prefetched) _prefetched.Clear();
    }

    private readonly List<(FixedEffect? Cluster, Matrix<double> Z, Matrix<double> E, double[,] S)> _prefetched = [];

    /// <summary>Terms in reporting order: endogenous, exogenous, _cons (ivreg2's order).</summary>
    public IReadOnlyList<string> Terms => [.. EndogenousNames, .. ExogenousNames];
}
