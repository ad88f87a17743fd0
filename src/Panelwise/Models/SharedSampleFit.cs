using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Models;

/// <summary>Pooled OLS models with the same fixed effects, filter, weights and cluster variables that also have the
/// same sample (the rows complete for each model's own variables coincide) are fitted on one design: the union of
/// their terms is built once (<see cref="DesignBuilder"/>), its columns absorbed once (<see cref="LinearEstimator.FitEach"/>),
/// and each model solved from them with its own covariance. Every number equals what <see cref="Regression.Fit(Frame, string, FitOptions?)"/>
/// gives for the model alone (same sample, singletons, collinearity drops, degrees of freedom), up to the order of
/// floating-point sums, and to the absorb tolerance where an iterative solver hands columns to conjugate gradients
/// (there each column's stopping point can depend on its companions). The design's notes are the union's.</summary>
internal static class SharedSampleFit
{
    /// <summary>Partitions <paramref name="models"/> (all with the same fixed effects) into sets of indices with one
    /// sample each. Models that cannot share (an IV part, trim(), whose missing values depend on the sample, a
    /// non-numeric response) come back alone. Evaluates every term once on the whole frame.</summary>
    /// <exception cref="UserInputException">A term, filter, cluster or weight that cannot be evaluated: fit the models
    /// one by one to find which.</exception>
    public static List<List<int>> Partition(Frame frame, PanelIndex? panel, IReadOnlyList<ModelSpec> models, FitOptions options)
    {
        var parts = new List<List<int>>();
        var shareable = new List<int>();
        for (int m = 0; m < models.Count; m++)
            if (CanShare(models[m])) shareable.Add(m);
            else parts.Add([m]);
        if (shareable.Count == 0) return parts;
        var union = Union(shareable.Select(m => models[m]).ToList());
        var patterns = DesignBuilder.Patterns(options.DesignRequest(frame, union, panel));
        var termIndex = TermIndex(union);
        var byKey = new Dictionary<(bool, SampleKey), List<int>>();
        foreach (int m in shareable)
        {
            var key = new SampleKey(DroppedRows(patterns, models[m].Terms().Select(t => termIndex[t.Name])));
            var groupKey = (models[m].Intercept, key);
            if (!byKey.TryGetValue(groupKey, out var list)) byKey[groupKey] = list = [];
            list.Add(m);
        }
        parts.AddRange(byKey.Values);
        return parts.OrderBy(p => p[0]).ToList();
    }

    /// <summary>Fits <paramref name="models"/> (one part of <see cref="Partition"/>) on one design, each under its own
    /// covariance; yields the results in order as they are solved. <paramref name="options"/> must carry every
    /// model's cluster variables (<see cref="FitOptions.ExtraClusterVariables"/>). With <paramref name="transient"/> the
    /// results share one residual array: each is valid only until the next is yielded (re-covary it before moving on).</summary>
    public static IEnumerable<RegressionResult> Fit(Frame frame, PanelIndex? panel, (int[] Units, double[] Times)? panelLabels,
        IReadOnlyList<(ModelSpec Spec, VcovSpec Vcov)> models, FitOptions options, bool transient = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var union = Union(models.Select(m => m.Spec).ToList());
        var data = DesignBuilder.Build(options.DesignRequest(frame, union, panel));
        var termIndex = TermIndex(union);
        var columnsOf = new List<int>[union.Regressors.Count + 1];
        columnsOf[0] = [0];
        for (int t = 1; t < columnsOf.Length; t++) columnsOf[t] = [];
        for (int j = 0; j < data.RegressorTerms.Count; j++) columnsOf[data.RegressorTerms[j] + 1].Add(j + 1);
        var names = new List<string> { data.ResponseName };
        names.AddRange(data.RegressorNames);
        var columns = new List<double[]> { data.Response };
        columns.AddRange(data.Regressors);
        var layout = new List<LinearModelColumns>();
        foreach (var (spec, _) in models)
        {
            int response = columnsOf[termIndex[spec.Response.Name]].Single();
            var regressors = spec.Regressors.SelectMany(r => columnsOf[termIndex[r.Name]]).ToList();
            // What DesignBuilder and CheckDesign refuse for the model alone, refused here too.
            if (regressors.Any(r => names[r] == names[response])) throw DegenerateModel.ResponseAmongRegressors(names[response], "a regressor");
            DegenerateModel.CheckVaries(names[response], columns[response]);
            layout.Add(new LinearModelColumns(response, regressors, spec.Text));
        }
        var problem = Regression.ToProblem(data, union) with { Panel = Regression.SampleCodes(data, panelLabels) };
        PhaseTime[] design = [new PhaseTime("design", clock.Elapsed.TotalSeconds)];
        int i = 0;
        foreach (var fit in LinearEstimator.FitEach(problem, layout, options.Estimation, transient))
            yield return RegressionResult.Create(fit, models[i++].Vcov, design);
    }

    /// <summary>One model whose terms are those of all: the first model's response, then every other term once.</summary>
    private static ModelSpec Union(IReadOnlyList<ModelSpec> models)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { models[0].Response.Name };
        var regressors = new List<Term>();
        foreach (var term in models.SelectMany(m => m.Terms()))
            if (seen.Add(term.Name)) regressors.Add(term);
        return models[0] with { Regressors = regressors };
    }

    private static Dictionary<string, int> TermIndex(ModelSpec union)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [union.Response.Name] = 0 };
        for (int t = 0; t < union.Regressors.Count; t++) index[union.Regressors[t].Name] = t + 1;
        return index;
    }

    private static bool CanShare(ModelSpec spec) =>
        spec.Endogenous.Count == 0 && spec.Response is ExpressionTerm or InteractionTerm && !spec.Terms().Any(Trims);

    private static bool Trims(Term term) => term switch
    {
        ExpressionTerm e => Trims(e.Expression),
        InteractionTerm i => i.Factors.Any(f => Trims(f.Expression)),
        FactorTerm { Slope: { } slope } => Trims(slope.Expression),
        _ => false,
    };

    private static bool Trims(Expr expr) => expr.SelfAndDescendants().Any(e => e is TailCutExpr { Trims: true });

    /// <summary>The candidate rows some of the terms leave out, ascending.</summary>
    private static int[] DroppedRows(SamplePatterns patterns, IEnumerable<int> terms)
    {
        var masks = terms.Distinct().Select(t => patterns.MissingRows[t]).OfType<bool[]>().ToList();
        if (masks.Count == 0) return [];
        var rows = new List<int>();
        for (int i = 0; i < patterns.Candidates.Length; i++)
            foreach (var mask in masks)
                if (mask[i]) { rows.Add(i); break; }
        return [.. rows];
    }

    /// <summary>A set of dropped rows compared by content.</summary>
    private sealed class SampleKey(int[] rows) : IEquatable<SampleKey>
    {
        private readonly int _hash = rows.Aggregate(rows.Length, (h, r) => HashCode.Combine(h, r));

        public bool Equals(SampleKey? other) => other is not null && _hash == other._hash && rows.AsSpan().SequenceEqual(other.Rows);

        private int[] Rows => rows;

        public override bool Equals(object? obj) => Equals(obj as SampleKey);

        public override int GetHashCode() => _hash;
    }
}
