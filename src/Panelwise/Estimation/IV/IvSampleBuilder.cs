using Panelwise.Absorb;
using Panelwise.Numerics;

namespace Panelwise.Estimation.IV;

/// <summary>Prepares an <see cref="IvSample"/>: drops singletons, absorbs the fixed effects from every column,
/// then drops, with a note, exogenous or endogenous regressors collinear with earlier regressors, and instruments
/// collinear with the exogenous regressors, earlier instruments or the fixed effects (ivreg2's _rmcoll steps).</summary>
internal static class IvSampleBuilder
{
    public static IvSample Build(IvProblem p, EstimationOptions options)
    {
        var notes = new List<Note>(p.Notes);
        IvProbe.Mark("start");
        p = SingletonDrop.Apply(p, options, notes);
        IvProbe.Mark("singletons");
        int n = p.Response.Length;
        if (n == 0) throw EstimationException.EmptySample();
        bool absorb = p.FixedEffects.Count > 0;
        bool intercept = p.Intercept && !absorb;
        // Regressors and instruments far from unit scale are brought into range by a power of two (see ColumnEquilibration).
        // Each column's scan for its largest magnitude is a pass over the rows: the columns are spread over the cores.
        double[][] scaled = [.. p.Exogenous, .. p.Endogenous, .. p.Instruments];
        var factors = new double[scaled.Length];
        // An array listed twice (a term in two roles) is scaled once, in order, as before: never by two threads.
        if (scaled.Distinct(ReferenceEqualityComparer.Instance).Count() == scaled.Length)
            Parallel.For(0, scaled.Length, AbsorbedColumns.ParallelOver(options), j => factors[j] = ColumnEquilibration.ScaleInPlace(scaled[j]));
        else
            for (int j = 0; j < scaled.Length; j++) factors[j] = ColumnEquilibration.ScaleInPlace(scaled[j]);
        var scales = new Dictionary<string, double>();
        for (int j = 0; j < p.Exogenous.Count; j++) scales[p.ExogenousNames[j]] = factors[j];
        for (int j = 0; j < p.Endogenous.Count; j++) scales[p.EndogenousNames[j]] = factors[p.Exogenous.Count + j];
        var all = new List<double[]> { p.Response };
        all.AddRange(p.Exogenous);
        all.AddRange(p.Endogenous);
        all.AddRange(p.Instruments);
        // Each column's (centred) sum of squares in one SIMD pass, the columns spread over the cores.
        bool centredNorms = absorb || p.Intercept;
        var squares = new double[all.Count];
        Parallel.For(0, all.Count, AbsorbedColumns.ParallelOver(options), j => squares[j] = SumOfSquares(all[j], centredNorms));
        var before = all.Select((c, j) => Norm(c, squares[j])).ToArray();
        double tss = squares[0];
        double tssWithin = double.NaN;
        SolveReport? report = null;
        if (absorb)
        {
            var solver = FixedEffectSolver.Create(p.FixedEffects, null, options.Absorb);
            report = solver.Demean(all);
            if (!report.Converged)
                throw EstimationException.NotConverged(report.Iterations, report.AchievedTolerance, options.Absorb.Tolerance);
            tssWithin = SumOfSquares(p.Response, centred: false);
            DegenerateModel.CheckNotAbsorbed(p.ResponseName, tss, tssWithin, options.CollinearityTolerance ?? 1e-7,
                p.FixedEffects.Select(f => f.Name));
            notes.Add(EstimationNotes.Absorbed(report.Iterations <= 1 && report.AchievedTolerance == 0
                ? $"Fixed effects absorbed exactly ({report.Method}) from y, the regressors and all instruments."
                : $"Fixed effects absorbed by {report.Method}: {report.Iterations} iteration(s), relative change {report.AchievedTolerance:g2}."));
        }
        IvProbe.Mark("scale+norms+absorb");
        double tol = options.CollinearityTolerance ?? (absorb ? 1e-7 : 1e-10);
        int kx = p.Exogenous.Count, ke = p.Endogenous.Count;
        var ones = intercept ? Enumerable.Repeat(1.0, n).ToArray() : [];
        var dropped = new List<string>();
        // Every rank decision below on subsets of one column set [1? exogenous endogenous instruments] (IvCollinearity:
        // ordered QRs for small n, one Gram matrix for large n).
        int o = intercept ? 1 : 0;
        var universe = new List<double[]>();
        var universeRefs = new List<double>();
        if (intercept) { universe.Add(ones); universeRefs.Add(Math.Sqrt(n)); }
        for (int j = 1; j < all.Count; j++) { universe.Add(all[j]); universeRefs.Add(before[j]); }
        // y last, in no decision: its cross products with the rest complete D'D for the sample's QR.
        universe.Add(p.Response);
        universeRefs.Add(before[0]);
        var rank = IvCollinearity.For(universe, n);
        IvProbe.Mark("collinearity gram");

        // Regressors: constant first (so a constant variable is the one dropped), exogenous, then endogenous.
        var regIdx = Enumerable.Range(0, o + kx + ke).ToList();
        var regNames = new List<string>();
        if (intercept) regNames.Add(LinearEstimator.InterceptName);
        for (int j = 0; j < kx + ke; j++) regNames.Add(j < kx ? p.ExogenousNames[j] : p.EndogenousNames[j - kx]);
        var regQr = rank.Decide(regIdx, regIdx.Select(i => universeRefs[i]).ToList(), tol);
        foreach (int d in regQr.Dropped)
        {
            dropped.Add(regNames[d]);
            bool byFe = absorb && rank.RawNorm(regIdx[d]) <= tol * universeRefs[regIdx[d]];
            notes.Add(EstimationNotes.Collinear(regNames[d], byFe));
        }
        IvProbe.Mark("regressor qr");
        var keptReg = new HashSet<int>(regQr.Kept);
        var exoIdx = Enumerable.Range(0, kx).Where(j => keptReg.Contains(o + j)).ToList();
        var endoIdx = Enumerable.Range(0, ke).Where(j => keptReg.Contains(o + kx + j)).ToList();
        if (endoIdx.Count == 0)
            throw new EstimationException($"Every endogenous regressor ({string.Join(", ", p.EndogenousNames.Select(n => $"'{n}'"))}) was dropped as collinear: there is nothing to instrument. Fit the model without the IV part.") { Term = p.EndogenousNames[0] };

        // Instruments after the kept exogenous regressors: collinear ones add no information.
        var wCols = exoIdx.Select(j => all[1 + j]).ToList();
        var wNames = exoIdx.Select(j => p.ExogenousNames[j]).ToList();
        var insIdx = new List<int>();
        if (intercept) insIdx.Add(0);
        foreach (int j in exoIdx) insIdx.Add(o + j);
        int head = insIdx.Count;
        for (int j = 0; j < p.Instruments.Count; j++) insIdx.Add(o + kx + ke + j);
        var insQr = rank.Decide(insIdx, insIdx.Select(i => universeRefs[i]).ToList(), tol);
        IvProbe.Mark("instrument qr");
        var zIdx = new List<int>();
        var keptIns = new HashSet<int>(insQr.Kept);
        for (int j = 0; j < p.Instruments.Count; j++)
        {
            if (keptIns.Contains(head + j)) { zIdx.Add(j); continue; }
            string name = p.InstrumentNames[j];
            bool byFe = absorb && rank.RawNorm(insIdx[head + j]) <= tol * universeRefs[insIdx[head + j]];
            notes.Add(byFe
                ? new Note(NoteKind.Collinearity, "instrument_absorbed", $"Instrument {name} dropped: absorbed by the fixed effects.", [name])
                : new Note(NoteKind.Collinearity, "instrument_collinear", $"Instrument {name} dropped: collinear with the exogenous regressors or earlier instruments.", [name]));
        }
        if (zIdx.Count < endoIdx.Count)
            throw EstimationException.Underidentified(endoIdx.Select(j => p.EndogenousNames[j]).ToList(), zIdx.Select(j => p.InstrumentNames[j]).ToList());
        int dofMinus = absorb ? DegreesOfFreedom.Absorbed(p.FixedEffects) + 1 : 0;
        // The first stages have L = kept instruments (≥ K) regressors: they and the residual variance need N > L + dofminus.
        if (n - insQr.Kept.Length - dofMinus <= 0) throw EstimationException.TooFewObservations(n, insQr.Kept.Length + dofMinus);
        var keptInstruments = insQr.Kept.Select(i => insIdx[i]).ToList();
        foreach (int j in endoIdx)
        {
            // An endogenous regressor that the kept instruments (with the exogenous regressors) reproduce exactly is
            // not endogenous: its first stage is perfect, the Cragg-Donald F infinite (or, after rounding, any sign)
            // and the moment matrices of the C test singular. Refused, naming the regressor.
            var subset = new List<int>(keptInstruments) { o + kx + j };
            if (rank.Decide(subset, subset.Select(i => universeRefs[i]).ToList(), tol).Dropped.Contains(keptInstruments.Count))
                throw DegenerateModel.PerfectFirstStage(p.EndogenousNames[j]);
        }

        IvProbe.Mark("first-stage check");
        if (intercept) { wCols.Add(ones); wNames.Add(LinearEstimator.InterceptName); }
        // D = [W Z1 X1 y] as universe positions, for D'D from the collinearity Gram.
        List<int> dOrder = [.. exoIdx.Select(j => o + j), .. intercept ? [0] : Array.Empty<int>(),
            .. zIdx.Select(j => o + kx + ke + j), .. endoIdx.Select(j => o + kx + j), universe.Count - 1];
        return new IvSample
        {
            N = n,
            Y = p.Response,
            X1Columns = endoIdx.Select(j => all[1 + kx + j]).ToList(),
            WColumns = wCols,
            Z1Columns = zIdx.Select(j => all[1 + kx + ke + j]).ToList(),
            DataGram = rank.CrossProducts(dOrder),
            EndogenousNames = endoIdx.Select(j => p.EndogenousNames[j]).ToList(),
            ExogenousNames = wNames,
            InstrumentNames = zIdx.Select(j => p.InstrumentNames[j]).ToList(),
            DroppedTerms = dropped,
            DofMinus = dofMinus,
            Intercept = intercept && keptReg.Contains(0),
            FixedEffects = p.FixedEffects,
            Clusters = p.Clusters,
            Panel = p.Panel,
            Tss = tss,
            TssWithin = tssWithin,
            AbsorbReport = report,
            Notes = notes,
            Scales = scales.Values.Any(d => d != 1) ? scales : null,
            Formula = p.Formula,
            ResponseName = p.ResponseName,
        };
    }

    private static double SumOfSquares(double[] x, bool centred) =>
        centred ? ColumnMoments.MeanAndSquares(x, default).Squares : ColumnMoments.SumOfSquares(x, default, 0);

    private static double Norm(double[] x, double squares)
    {
        double norm = Math.Sqrt(squares);
        // A constant column has zero centred norm: judge it against its raw norm so it is dropped, not divided by 0.
        return norm > 0 ? norm : Math.Sqrt(SumOfSquares(x, false));
    }
}
