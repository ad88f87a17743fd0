using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Models;

namespace Panelwise.Methods.GroupComparison;

/// <summary>Heterogeneity by group: the same model fitted in each group of <see cref="ComparisonSpec.By"/> (same
/// --if, fixed effects and covariance), and for every pair of groups equality tests: suest (each coefficient),
/// Fisher permutation (each coefficient) and Chow (all coefficients).
/// <code>var r = GroupComparison.Run(frame, "y ~ x1 + x2", new ComparisonSpec { By = "year >= 2020", Tests = ["suest", "chow"] });</code></summary>
public static class GroupComparison
{
    public static ComparisonResult Run(Frame frame, string formula, ComparisonSpec spec, FitOptions? options = null, IProgress<string>? progress = null)
    {
        options ??= new FitOptions();
        var variants = FormulaParser.Parse(formula).Expand();
        if (variants.Count != 1) throw new UserInputException("compare takes one model: no csw()/sw().");
        var model = variants[0];
        var unknown = spec.Tests.Except(["suest", "permutation", "chow"]).ToList();
        if (unknown.Count > 0) throw new UserInputException($"Unknown test '{unknown[0]}': use suest, permutation:B or chow.");
        if (options.Panel is { } pt) frame = PanelTime.InPeriods(frame, pt.Time);
        var panel = options.Panel is { } p ? PanelIndex.Build(frame, p.Id, p.Time) : null;
        var (codes, labels) = GroupSplitter.Split(frame, spec.By, options.If, panel);
        // A column's levels need the column's name ("outside group 2 of region"); an expression's groups are
        // expressions themselves ("outside group position == \"前端\"").
        bool byColumn = frame.Find(spec.By.Trim()) is not null;
        var groups = new List<(GroupFit Fit, int[] Rows)>();
        for (int g = 0; g < labels.Length; g++)
        {
            var outside = codes.Select(c => c != g).ToArray();
            if (!outside.Contains(false)) continue;
            try
            {
                var (result, rows) = Regression.FitWithRows(frame, model, options with { ExcludedRows = outside, ExclusionReason = byColumn ? $"outside group {labels[g]} of {spec.By}" : $"outside group {labels[g]}" });
                groups.Add((new GroupFit(labels[g], result), rows));
            }
            catch (UserInputException ex) when (ex is DataException or EstimationException)
            {
                throw new UserInputException($"Group {labels[g]} of {{By}} {spec.By} cannot be fitted: {ex.Template}", ex);
            }
        }
        if (groups.Count < 2)
            throw new UserInputException($"{{By}} {spec.By} gives {groups.Count} group(s) with data{(groups.Count == 1 ? $" ({groups[0].Fit.Group})" : "")}: at least two are needed.");
        var tests = new List<EqualityTest>();
        var notes = new List<Note>();
        int[]? clusters = ClusterCodes(frame, options.Vcov);
        for (int i = 0; i < groups.Count; i++)
            for (int j = i + 1; j < groups.Count; j++)
            {
                var (a, rowsA) = groups[i];
                var (b, rowsB) = groups[j];
                if (spec.Tests.Contains("suest")) tests.AddRange(SuestTest.Run(a, rowsA, b, rowsB, clusters));
                if (spec.Tests.Contains("permutation"))
                {
                    var permutation = new PermutationTest(model, options, spec.PermutationReps, spec.Seed);
                    tests.AddRange(permutation.Run(frame, a, rowsA, b, rowsB, progress).ToList());
                    notes.AddRange(permutation.Notes);
                }
                if (spec.Tests.Contains("chow")) tests.Add(ChowTest.Run(a, b, Pooled(frame, model, options, rowsA, rowsB)));
            }
        return new ComparisonResult(groups.Select(g => g.Fit).ToList(), tests, notes);
    }

    /// <summary>The model on both groups' samples together (iid: only its SSR is used).</summary>
    private static Results.RegressionResult Pooled(Frame frame, ModelSpec model, FitOptions options, int[] rowsA, int[] rowsB)
    {
        var outside = new bool[frame.RowCount];
        Array.Fill(outside, true);
        foreach (int r in rowsA.Concat(rowsB)) outside[r] = false;
        return Regression.FitWithRows(frame, model, options with { Vcov = VcovSpec.Iid, ExcludedRows = outside, ExclusionReason = "outside the two groups compared" }).Result;
    }

    /// <summary>Frame-level codes of the first cluster variable for suest; null (observation clusters) without clustering.</summary>
    private static int[]? ClusterCodes(Frame frame, VcovSpec vcov)
    {
        if (vcov.ClusterVariables.Count == 0) return null;
        var parts = vcov.ClusterVariables[0].Split('^', StringSplitOptions.TrimEntries);
        var combined = Factorizer.Factorize(frame[parts[0]]);
        for (int v = 1; v < parts.Length; v++)
        {
            var next = Factorizer.Factorize(frame[parts[v]]);
            combined = Factorizer.Interact(combined.Codes, combined.LevelCount, next.Codes, next.LevelCount);
        }
        return combined.Codes;
    }
}
