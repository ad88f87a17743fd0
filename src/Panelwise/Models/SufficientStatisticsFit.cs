using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Models;

/// <summary>Finishes a one-way fixed-effects fit from <see cref="SufficientStatistics"/> computed elsewhere (a database
/// engine): slopes b = (X̃'X̃)⁻¹X̃'ỹ, then — from the <see cref="ResidualStatistics"/> the engine computes with b — the
/// covariance under the conventions of the in-memory fit (reghdfe/Stata): the design is z = [1, x̃ + x̄] with
/// <c>_cons</c> = ȳ - x̄'b, bread (Z'Z)⁻¹, K = coefficients + levels - 1 (levels not counted when the effect is nested
/// in the cluster variable); iid s²(Z'Z)⁻¹ with s² = SSR/(N-K); HC1 N/(N-K)·B M B; CR1 G/(G-1)(N-1)/(N-K)·B M B, t(G-1); two-way
/// CR1 with Gmin and M = M₁ + M₂ - M₁₂, t(Gmin-1) (as ClusterCovariance).</summary>
public static class SufficientStatisticsFit
{
    /// <summary>The statistics without the regressors the in-memory fit drops as collinear: in formula order, after the
    /// intercept, a regressor is dropped when the norm of its part not explained by the kept ones before it and the fixed
    /// effects (the pivot of X̃'X̃'s ordered Cholesky factor) is at most <paramref name="tolerance"/> times its norm about
    /// its mean (its raw norm when it is constant), the rule and tolerance of the in-memory fit with fixed effects
    /// (an ordered QR of [1, X̃ + x̄]); it is collinear with the fixed effects when its within norm alone is that small.
    /// <paramref name="kept"/> gets the indices kept.</summary>
    public static SufficientStatistics DropCollinear(SufficientStatistics s, out int[] kept, double tolerance = 1e-7)
    {
        int k = s.Regressors.Count;
        var keep = new List<int>();
        var dropped = new List<(string, bool)>();
        var l = new double[k, k];   // rows of the Cholesky factor of the kept block, in kept order
        for (int j = 0; j < k; j++)
        {
            double reference = Math.Sqrt(s.CentredSquaresX[j] > 0 || s.MeansX[j] == 0
                ? s.CentredSquaresX[j] : s.CentredSquaresX[j] + (s.TotalWeight ?? s.Rows) * s.MeansX[j] * s.MeansX[j]);
            var row = new double[keep.Count];
            double d = s.Xtx[j, j];
            for (int a = 0; a < keep.Count; a++)
            {
                double v = s.Xtx[keep[a], j];
                for (int b = 0; b < a; b++) v -= l[a, b] * row[b];
                row[a] = v / l[a, a];
                d -= row[a] * row[a];
            }
            if (!(d > 0) || Math.Sqrt(d) <= tolerance * reference)
            {
                dropped.Add((s.Regressors[j], !(Math.Sqrt(Math.Max(s.Xtx[j, j], 0)) > tolerance * reference)));
                continue;
            }
            for (int b = 0; b < row.Length; b++) l[keep.Count, b] = row[b];
            l[keep.Count, keep.Count] = Math.Sqrt(d);
            keep.Add(j);
        }
        kept = [.. keep];
        if (dropped.Count == 0) return s;
        if (keep.Count == 0) throw EstimationException.NoRegressors(s.ResponseName, [.. dropped.Select(d => d.Item1)]);
        var xtx = new double[keep.Count, keep.Count];
        for (int a = 0; a < keep.Count; a++)
            for (int b = 0; b < keep.Count; b++) xtx[a, b] = s.Xtx[keep[a], keep[b]];
        return s with
        {
            Regressors = [.. keep.Select(j => s.Regressors[j])], MeansX = [.. keep.Select(j => s.MeansX[j])], Xtx = xtx,
            Xty = [.. keep.Select(j => s.Xty[j])], CentredSquaresX = [.. keep.Select(j => s.CentredSquaresX[j])], Dropped = dropped,
        };
    }

    /// <summary>The slopes, in <see cref="SufficientStatistics.Regressors"/> order (collinear ones already dropped by
    /// <see cref="DropCollinear"/>).</summary>
    /// <exception cref="EstimationException">No rows, or too few for the coefficients and absorbed levels.</exception>
    public static double[] Slopes(SufficientStatistics s)
    {
        int k = s.Regressors.Count;
        if (s.Rows == 0) throw EstimationException.EmptySample();
        if (s.Rows <= k + 1 + s.AbsorbedDof) throw EstimationException.TooFewObservations((int)s.Rows, k + 1 + s.AbsorbedDof);
        var a = Matrix<double>.Build.DenseOfArray(s.Xtx);
        var b = a.Cholesky().Solve(Vector<double>.Build.DenseOfArray(s.Xty));
        return b.ToArray();
    }

    /// <summary>The design z = [1, x̃ + x̄]'s cross-product Z'Z (intercept first).</summary>
    public static double[,] DesignCrossProduct(SufficientStatistics s)
    {
        int k = s.Regressors.Count;
        double n = s.TotalWeight ?? s.Rows;   // Z'WZ with weights
        var z = new double[k + 1, k + 1];
        z[0, 0] = n;
        for (int i = 0; i < k; i++)
        {
            z[0, i + 1] = z[i + 1, 0] = n * s.MeansX[i];
            for (int j = 0; j < k; j++) z[i + 1, j + 1] = s.Xtx[i, j] + n * s.MeansX[i] * s.MeansX[j];
        }
        return z;
    }

    /// <summary>The regression result, with <paramref name="engine"/> stating where it ran.</summary>
    public static RegressionResult Finish(SufficientStatistics s, double[] slopes, ResidualStatistics r, VcovSpec spec, EngineSummary engine,
        double engineSeconds = 0)
    {
        int k = s.Regressors.Count, p = k + 1;
        int n = checked((int)s.Rows);
        var bread = Matrix<double>.Build.DenseOfArray(DesignCrossProduct(s)).Inverse().ToArray();
        var coefficients = new double[p];
        coefficients[0] = s.MeanY;
        for (int j = 0; j < k; j++) { coefficients[j + 1] = slopes[j]; coefficients[0] -= s.MeansX[j] * slopes[j]; }
        var notes = new List<Note>(s.SampleNotes);
        if (s.Singletons > 0) notes.Add(EstimationNotes.Singletons(checked((int)s.Singletons)));
        // The same words as the in-memory fit, whose exact methods these are: group means, and for a second small
        // effect the direct solve of its levels (here its projection).
        if (s.Effects is [var large, var small] && s.Components is int groups)
        {
            notes.Add(EstimationNotes.Absorbed($"Fixed effects absorbed exactly (exact: demeaning by {large.Name}, {small.Name} solved directly ({small.Levels} levels))."));
            notes.Add(new Note(NoteKind.FixedEffects, "mobility_groups",
                $"Mobility groups: {groups} connected component(s) of the {large.Name} x {small.Name} graph.", [large.Name, small.Name]));
        }
        else notes.Add(EstimationNotes.Absorbed("Fixed effects absorbed exactly (one-way demeaning (exact))."));
        foreach (var (term, byEffects) in s.Dropped) notes.Add(EstimationNotes.Collinear(term, byEffects));
        var effects = s.Effects.Select(e => new FixedEffect(e.Name, [], e.Levels)).ToList();
        var fit = new LinearFit
        {
            Formula = s.Formula, ResponseName = s.ResponseName,
            Terms = [LinearEstimator.InterceptName, .. s.Regressors],
            ReportOrder = [.. s.Regressors, LinearEstimator.InterceptName],
            Coefficients = coefficients, Bread = bread, Columns = [], Residuals = [], Nobs = n, HasIntercept = true,
            DroppedTerms = [.. s.Dropped.Select(d => d.Term)], FixedEffects = effects, Clusters = [], Ssr = r.Ssr, Tss = s.TotalSquares, TssWithin = s.Yty,
            SolverMethod = "sufficient statistics (engine)", WeightTotal = s.TotalWeight, Notes = notes, AbsorbedDof = s.AbsorbedDof,
        };
        return RegressionResult.Create(fit, Covariance(fit, s, r, spec), [new PhaseTime("engine", engineSeconds)]).OnEngine(engine);
    }

    private static VcovResult Covariance(LinearFit fit, SufficientStatistics s, ResidualStatistics r, VcovSpec spec)
    {
        int n = fit.Nobs;
        var none = new Dictionary<string, int>();
        switch (spec)
        {
            case IidVcovSpec:
            {
                int k = fit.K + fit.AbsorbedDof;
                double df = n - k;
                return new VcovResult
                {
                    Spec = spec, Matrix = Scale(fit.Bread, r.Ssr / df), DfResidual = df, KUsed = k, Clusters = none,
                    Convention = $"iid: s2 = SSR/(N-K), K = {k} (coefficients incl. _cons + absorbed FE levels); t({df})",
                };
            }
            case HeteroskedasticVcovSpec { Type: 1 }:
            {
                int k = fit.K + fit.AbsorbedDof;
                return new VcovResult
                {
                    Spec = spec, Matrix = Sandwich(fit.Bread, r.Meat!, (double)n / (n - k)), DfResidual = n - k, KUsed = k,
                    Clusters = none, Convention = $"HC1: HC0 * N/(N-K), K = {k}; t({n - k}) (Stata vce(robust))",
                };
            }
            case ClusterVcovSpec { Variables.Count: 1 } c:
            {
                int g = r.ClusterCount;
                if (g < 2) throw DegenerateModel.TooFewClusters(c.Variables[0], g);
                int k = fit.K + CountedOutsideCluster(s, r);
                double factor = (double)g / (g - 1) * (n - 1.0) / (n - k);
                return new VcovResult
                {
                    Spec = spec, Matrix = Sandwich(fit.Bread, r.Meat!, factor), DfResidual = g - 1, KUsed = k,
                    Clusters = new Dictionary<string, int> { [c.Variables[0]] = g },
                    Convention = $"CR1 by {c.Variables[0]}: G/(G-1)*(N-1)/(N-K), G = {g}, K = {k} (FE nested in the clusters not counted); t(G-1)",
                };
            }
            case ClusterVcovSpec { Variables.Count: 2 } c when r.ClusterCounts.Count == 2:
            {
                if (r.ClusterCounts.FirstOrDefault(x => x.Count < 2) is { Name: not null } single) throw DegenerateModel.TooFewClusters(single.Name, single.Count);
                int gmin = r.ClusterCounts.Min(x => x.Count);
                int k = fit.K + CountedOutsideCluster(s, r);
                double factor = (double)gmin / (gmin - 1) * (n - 1.0) / (n - k);
                string name = string.Join("+", c.Variables);
                return new VcovResult
                {
                    Spec = spec, Matrix = Sandwich(fit.Bread, r.Meat!, factor), DfResidual = gmin - 1, KUsed = k,
                    Clusters = r.ClusterCounts.ToDictionary(x => x.Name, x => x.Count),
                    Convention = $"multi-way CR1 by {name} (Cameron-Gelbach-Miller): Gmin/(Gmin-1)*(N-1)/(N-K), Gmin = {gmin}, K = {k}; t(Gmin-1) (ivreg2/reghdfe)",
                };
            }
            default:
                throw EstimationException.NotOnEngine(spec.ToString() ?? "this covariance");
        }
    }

    /// <summary>Absorbed levels of the effects not nested in the cluster variable (DegreesOfFreedom's rule): all, one
    /// effect's L - 1, or none.</summary>
    private static int CountedOutsideCluster(SufficientStatistics s, ResidualStatistics r)
    {
        var counted = s.Effects.Where((_, i) => !(i < r.NestedInCluster.Count && r.NestedInCluster[i])).ToList();
        return counted.Count == s.Effects.Count ? s.AbsorbedDof : counted.Sum(e => e.Levels - 1);
    }

    private static double[,] Scale(double[,] m, double f)
    {
        var r = (double[,])m.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] *= f;
        return r;
    }

    /// <summary>f·B M B, symmetrised.</summary>
    private static double[,] Sandwich(double[,] bread, double[,] meat, double f)
    {
        var b = Matrix<double>.Build.DenseOfArray(bread);
        var v = b * Matrix<double>.Build.DenseOfArray(meat) * b * f;
        return ((v + v.Transpose()) * 0.5).ToArray();
    }
}
