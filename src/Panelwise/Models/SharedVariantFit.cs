using Panelwise.Absorb;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Results;

namespace Panelwise.Models;

/// <summary>Multiple estimation (csw()/sw() variants of one formula) with shared absorption: each variant's design is
/// built on its own, as for a single fit (its sample, notes and errors are exactly its own), and variants with the
/// same fixed effects and the same sample rows pool their columns by name (a term evaluated on the same rows has the
/// same values), which are absorbed once and solved per variant (<see cref="LinearEstimator.FitEach"/>). Only the
/// pooled columns are kept between variants. Results equal the variants fitted one by one up to the order of
/// floating-point sums (and the absorb tolerance where an iterative solver hands columns to conjugate gradients).</summary>
internal static class SharedVariantFit
{
    /// <summary>The results of <paramref name="variants"/> in order, or null when no two variants share a sample (or
    /// one fails: fitted one by one, the first failing variant's error is the one reported).</summary>
    public static IReadOnlyList<RegressionResult>? TryFit(Frame frame, IReadOnlyList<ModelSpec> variants, PanelIndex? panel,
        (int[] Units, double[] Times)? panelLabels, FitOptions options)
    {
        if (variants.Count < 2 || variants.Any(v => v.Endogenous.Count > 0)) return null;
        try
        {
            var groups = new List<Pool>();
            var members = new (Pool Pool, LinearModelColumns Layout, IReadOnlyList<Note> Notes, PhaseTime Design)[variants.Count];
            for (int v = 0; v < variants.Count; v++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var data = DesignBuilder.Build(options.DesignRequest(frame, variants[v], panel));
                DegenerateModel.CheckDesign(data);
                bool intercept = data.Intercept || variants[v].FixedEffects.Count > 0;
                string effects = string.Join("\u0001", variants[v].FixedEffects.Select(f => f.Name));
                var pool = groups.FirstOrDefault(g => g.Matches(effects, intercept, data.SourceRows));
                if (pool is null) groups.Add(pool = new Pool(effects, intercept, data, panelLabels));
                int response = pool.Add(data.ResponseName, data.Response);
                var regressors = data.RegressorNames.Select((name, j) => pool.Add(name, data.Regressors[j])).ToList();
                members[v] = (pool, new LinearModelColumns(response, regressors, variants[v].Text), data.Notes,
                    new PhaseTime("design", clock.Elapsed.TotalSeconds));
            }
            if (groups.Count == variants.Count) return null;
            var results = new RegressionResult[variants.Count];
            foreach (var pool in groups)
            {
                var indices = Enumerable.Range(0, variants.Count).Where(v => members[v].Pool == pool).ToList();
                int k = 0;
                foreach (var fit in LinearEstimator.FitEach(pool.Problem(), indices.Select(v => members[v].Layout).ToList(), options.Estimation))
                {
                    int v = indices[k++];
                    // A variant's notes: its design's, then the estimation's (as in a fit of its own).
                    results[v] = RegressionResult.Create(fit with { Notes = [.. members[v].Notes, .. fit.Notes] }, options.Vcov, [members[v].Design]);
                }
            }
            return results;
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    /// <summary>The columns of variants with one sample, by name, and what they share (effects, clusters, weights).</summary>
    private sealed class Pool(string effects, bool intercept, ModelData first, (int[] Units, double[] Times)? panelLabels)
    {
        private readonly List<string> _names = [];
        private readonly List<double[]> _columns = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public bool Matches(string otherEffects, bool otherIntercept, int[] rows) =>
            otherEffects == effects && otherIntercept == intercept && rows.AsSpan().SequenceEqual(first.SourceRows);

        public int Add(string name, double[] values)
        {
            if (_index.TryGetValue(name, out int j)) return j;
            _index[name] = _columns.Count;
            _names.Add(name);
            _columns.Add(values);
            return _columns.Count - 1;
        }

        public LinearProblem Problem() => new()
        {
            ResponseName = _names[0],
            Response = _columns[0],
            RegressorNames = _names.Skip(1).ToList(),
            Regressors = _columns.Skip(1).ToList(),
            Intercept = intercept,
            FixedEffects = first.FixedEffects.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
            Clusters = first.Clusters.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
            Weights = first.Weights,
            Panel = Regression.SampleCodes(first, panelLabels),
        };
    }
}
