using Panelwise.Inference;
using Panelwise.Inference.Tests;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;

namespace Panelwise.Results;

/// <summary>Assembles ivreg2's diagnostics for one IV fit, reporting each statistic only where ivreg2 does: Anderson LM
/// and Sargan under iid errors; Kleibergen-Paap rk LM / rk Wald F and Hansen J under robust or cluster covariances;
/// Cragg-Donald F always; Stock-Yogo 2SLS size values for 2SLS where tabulated.
/// KP scaling as ivreg2 reports it: robust rk LM·(N - dofminus)/N and rk Wald/N·(N - L - dofminus)/L2; cluster rk LM as is
/// and rk Wald/(N-1)·(N-L)·(G-1)/G/L2 (no dofminus).</summary>
internal static class IvDiagnosticsBuilder
{
    public static IvDiagnostics Build(IvTestContext ctx, IvEstimate estimate, VcovResult vcov, string estimator, IvOptions options, List<Note> notes)
    {
        var s = ctx.Sample;
        var tested = options.EndogeneityTest ?? s.EndogenousNames;
        // A no-op when the caller's fused pass (IvResultAssembly: with the covariance's meat and the residuals) kept them.
        if (!ctx.IsIid) s.PrefetchScoreMoments(ScoreFamilies(s, estimate, estimator, tested), ctx.Moments);
        try { return Build(ctx, estimate, vcov, estimator, tested, options, notes); }
        finally { s.ClearPrefetched(); }
    }

    /// <summary>The distinct score families (instruments, residuals; coordinates) whose S the robust diagnostics read:
    /// KP rk (LM and Wald), Hansen J, the endogeneity test, Anderson-Rubin, the first stages. All their residuals are
    /// known after the estimate, so their moment sums come from one pass over the rows instead of one pass each
    /// (seven for one endogenous regressor). A family that cannot be formed is left to its statistic, which reports
    /// the problem as it always did.</summary>
    internal static List<(Matrix<double> Z, Matrix<double> E)> ScoreFamilies(IvSample s, IvEstimate estimate, string estimator, IReadOnlyList<string> tested)
    {
        var families = new List<(Matrix<double> Z, Matrix<double> E)>();
        void Add(Func<IEnumerable<(Matrix<double> Z, Matrix<double> E)>> make)
        {
            try
            {
                foreach (var f in make())
                    if (!families.Any(g => g.Z.Equals(f.Z) && g.E.Equals(f.E))) families.Add(f);
            }
            catch (Exception ex) when (ex is UserInputException or ArithmeticException or ArgumentException or InvalidOperationException)
            {
                // Left to the statistic itself, which raises or notes it in its own words.
            }
        }
        Add(() => KleibergenPaap.ScoreFamilies(s.X1Tilde, s.Z1Tilde));
        if (estimate.HansenJ is null) Add(() => [(s.Z, TwoStepResiduals(s, estimate, estimator))]);
        if (tested.Count > 0) Add(() => [EndogeneityTest.ScoreFamily(s, tested)]);
        Add(() => [AndersonRubinMoments.ScoreFamily(s)]);
        Add(() => FirstStageStatistics.ScoreFamilies(s));
        return families;
    }

    private static IvDiagnostics Build(IvTestContext ctx, IvEstimate estimate, VcovResult vcov, string estimator, IReadOnlyList<string> tested,
        IvOptions options, List<Note> notes)
    {
        var s = ctx.Sample;
        double r2min = CraggDonald.SmallestCanonicalCorrelation(s);
        IvProbe.Mark("cragg-donald");
        TestStatistic? kpLm = null;
        double? kpF = null;
        int idDf = s.L2 - s.K1 + 1;
        if (!ctx.IsIid)
        {
            int notesBefore = notes.Count;
            var (lm, wald) = Optional(() => KleibergenPaap.Statistics(s, s.X1Tilde, s.Z1Tilde, ctx.Moments), "Kleibergen-Paap rk statistics", notes);
            int n = s.N;
            double lmReported, fReported;
            if (ctx.IsClustered)
            {
                int g = ctx.MinClusters;
                lmReported = lm;
                fReported = wald / (n - 1.0) * (n - s.L) * (g - 1.0) / g / s.L2;
            }
            else
            {
                lmReported = lm * (n - s.DofMinus) / n;
                fReported = wald / n * (n - s.L - s.DofMinus) / s.L2;
            }
            if (double.IsFinite(lmReported) && double.IsFinite(fReported) && lmReported >= 0 && fReported >= 0)
            {
                kpLm = new TestStatistic("chi2", lmReported, idDf, TailProbability.ChiSquaredUpper(lmReported, idDf));
                kpF = fReported;
            }
            else if (notes.Count == notesBefore) notes.Add(NotReported("Kleibergen-Paap rk statistics"));
        }
        IvProbe.Mark("kleibergen-paap");
        double j = estimate.HansenJ ?? (ctx.IsIid ? 0 : Optional(() => Overidentification.TwoStepJ(ctx, TwoStepResiduals(s, estimate, estimator)), "Hansen J", notes));
        IvProbe.Mark("hansen j");
        var endogeneity = tested.Count > 0 ? Optional(() => EndogeneityTest.Compute(ctx, tested), "The endogeneity (C) test", notes) : null;
        IvProbe.Mark("endogeneity");
        var endo = s.EndogenousNames.ToList();
        int first = endo.Count == 1 ? 0 : -1;
        AndersonRubinResult? ar = Optional(() => AndersonRubin.Compute(ctx,
            first == 0 ? estimate.Coefficients[0] : 0,
            first == 0 ? Math.Sqrt(vcov.Matrix[0, 0]) : 1,
            options.ConfidenceLevel), "The Anderson-Rubin test and confidence set", notes);
        IvProbe.Mark("anderson-rubin");
        // The sample's columns are equilibrated (see LinearFit.Scales): the set is in the units of the scaled regressor.
        if (first == 0 && vcov.Scales is { } scales && ar?.ConfidenceSet is { } set)
            ar = ar with { ConfidenceSet = set.Select(r => (r.Low * scales[0], r.High * scales[0])).ToList() };
        return new IvDiagnostics
        {
            Estimator = estimator,
            Endogenous = s.EndogenousNames,
            ExcludedInstruments = s.InstrumentNames,
            DofMinus = s.DofMinus,
            FirstStage = Probed(FirstStageStatistics.Compute(ctx), "first stages"),
            AndersonLm = ctx.IsIid ? CraggDonald.AndersonLm(s, r2min) : null,
            KpRkLm = kpLm,
            CraggDonaldF = CraggDonald.WaldF(s, r2min),
            KpRkWaldF = kpF,
            Sargan = Probed(0, "anderson lm + cd") is var _ && ctx.IsIid ? Overidentification.Sargan(s, estimate.ResidualCoordinates) : null,
            HansenJ = ctx.IsIid || double.IsNaN(j) ? null : Overidentification.HansenJ(ctx, j),
            Endogeneity = endogeneity,
            EndogeneityTested = tested,
            AndersonRubin = ar,
            StockYogo = estimator == "2sls" ? StockYogo.TwoStageSize(s.K1, s.L2) : null,
            LimlLambda = estimate.Lambda,
            Conventions = Conventions(ctx),
        };
    }

    /// <summary>A statistic that needs the inverse of the moment covariance S: when the sample makes S singular or
    /// indefinite (few clusters, two-way clustering) the estimate is still meaningful, so the statistic is left out
    /// with a note instead of failing the fit. Returns default (NaN for a double, null otherwise) then.</summary>
    private static T? Optional<T>(Func<T> compute, string name, List<Note> notes)
    {
        try { return compute(); }
        catch (EstimationException ex) when (ex.Kind == EstimationProblem.SingularMoments)
        {
            notes.Add(NotReported(name));
            return typeof(T) == typeof(double) ? (T)(object)double.NaN
                : typeof(T) == typeof((double, double)) ? (T)(object)(double.NaN, double.NaN) : default;
        }
    }

    private static Note NotReported(string statistic) =>
        new(NoteKind.Inference, "singular_moments", $"{statistic} not reported: {DegenerateModel.SingularMomentsCause}");

    /// <summary>The 2SLS residuals (coordinates): the estimate's own when it is 2SLS, else refitted on the coordinates.</summary>
    private static MathNet.Numerics.LinearAlgebra.Matrix<double> TwoStepResiduals(IvSample s, IvEstimate estimate, string estimator) =>
        estimator == "2sls" ? estimate.ResidualCoordinates : TwoStageLeastSquares.Fit(s.X, s.Z, s.YColumn).Residual;

    private static T Probed<T>(T value, string label)
    {
        IvProbe.Mark(label);
        return value;
    }

    private static string Conventions(IvTestContext ctx)
    {
        var s = ctx.Sample;
        string dof = s.DofMinus > 0 ? $"dofminus = {s.DofMinus} absorbed fixed-effect levels (xtivreg2 fe / ivreghdfe)" : "dofminus = 0";
        string weak = ctx.IsIid
            ? "Anderson LM = (N-dofminus)*r2min; Cragg-Donald F = r2min/(1-r2min)*(N-L-dofminus)/L2; Sargan = N e'Pz e/e'e"
            : ctx.IsClustered
                ? "KP rk LM (no dofminus); KP rk Wald F = rkWald/(N-1)*(N-L)*(G-1)/G/L2; Hansen J of two-step GMM with S from 2SLS residuals"
                : "KP rk LM*(N-dofminus)/N; KP rk Wald F = rkWald/N*(N-L-dofminus)/L2; Hansen J of two-step GMM with S from 2SLS residuals";
        return $"ivreg2 conventions: N = {s.N}, L = {s.L} instruments incl. included exogenous, L2 = {s.L2} excluded, K1 = {s.K1} endogenous; {dof}. " +
               $"First-stage F with k = L regressors (iid df N-L-dofminus). {weak}.";
    }
}
