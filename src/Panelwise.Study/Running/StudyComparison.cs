using System.Globalization;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Render.Tables;
using Panelwise.Study.Plan;
using Panelwise.Methods.GroupComparison;
using Panelwise.Models;

namespace Panelwise.Study;

/// <summary>Runs a heterogeneity (<c>compare:</c>) table with the library's <see cref="GroupComparison"/>, exactly as
/// <c>panelwise compare</c>: each group column is the model fitted on the rows where the grouping column equals the
/// level (and the block's filter holds). The p-value row: with two groups, the test that the coefficient is equal in
/// both (the same p in both columns); with more, each group against the other compared groups pooled
/// (<c>panelwise compare DATA FORMULA --by "by == 'level'" --if "filter &amp; by in levels"</c>). The whole-sample
/// column, when asked for, fits all compared groups together.</summary>
internal static class StudyComparison
{
    public static TableResult Run(Frame frame, PlannedTable table, PlannedComparison c, IReadOnlyDictionary<string, string> labels)
    {
        var column = frame.Find(c.By) ?? throw Problem(c, table, $"the grouping column '{c.By}' is not in the prepared data.");
        var (codes, present) = Factorizer.FactorizeWithLevels(column);
        if (c.Options.Panel is { } pt) frame = PanelTime.InPeriods(frame, pt.Time);
        var panel = c.Options.Panel is { } p ? PanelIndex.Build(frame, p.Id, p.Time) : null;
        var keep = c.Options.If is null ? null : RowFilter.Evaluate(frame, c.Options.If, out _, panel);
        var counts = new int[present.Length];
        for (int i = 0; i < codes.Length; i++) if (codes[i] >= 0 && (keep is null || keep[i])) counts[codes[i]]++;
        var levels = c.Levels ?? present.Where((_, g) => counts[g] > 0).ToList();
        foreach (var level in levels)
        {
            int g = Array.IndexOf(present, level);
            if (g < 0 || counts[g] == 0)
                throw Problem(c, table, $"level '{level}' of {c.By} has no rows{(c.Options.If is null ? "" : $" passing the filter \"{c.Options.If}\"")}. " +
                    $"Levels with rows: {string.Join(", ", present.Where((_, k) => counts[k] > 0))}. Remove it from 'levels' or check the filter and the spelling.");
        }
        if (levels.Count < 2)
            throw Problem(c, table, $"{c.By} has {(levels.Count == 0 ? "no level" : $"only one level ({levels[0]})")} with rows{(c.Options.If is null ? "" : $" passing the filter \"{c.Options.If}\"")}: a comparison needs at least two groups.");
        bool numeric = column is NumericColumn;
        string IsLevel(string level) => numeric ? $"{c.By} == {level}" : $"{c.By} == '{level}'";
        string inLevels = string.Join(" | ", levels.Select(IsLevel));
        var options = c.Options with { If = c.Options.If is null ? inLevels : $"({c.Options.If}) & ({inLevels})" };
        var spec = new ComparisonSpec { By = "", Tests = [c.Test], PermutationReps = c.PermutationReps, Seed = c.Seed };

        var columns = new List<RegressionTableColumn>();
        var pValues = new List<double?>();
        var groups = new List<ComparisonGroup>();
        if (c.TotalTitle is { } total)
        {
            columns.Add(new RegressionTableColumn(Fit(frame, table, c, options), total));
            pValues.Add(null);
        }
        // With two groups one test serves both columns (running it twice would draw a second permutation sample).
        ComparisonResult? pair = null;
        for (int g = 0; g < levels.Count; g++)
        {
            var result = pair ?? Compare(frame, table, c, spec with { By = IsLevel(levels[g]) }, options);
            if (levels.Count == 2) pair = result;
            // GroupSplitter orders a logical split !(expr), expr: the level's own group is the second, unless the pair
            // was run for the first level and is now reused for the second.
            var fit = result.Groups[pair is not null && g == 1 ? 0 : 1];
            var test = result.Tests.Single(t => c.Test == "chow" || t.Coefficient == c.Coefficient);
            string title = labels.TryGetValue(levels[g], out var label) ? label : levels[g];
            columns.Add(new RegressionTableColumn(fit.Result, title));
            pValues.Add(test.PValue);
            groups.Add(new ComparisonGroup(levels[g], title, columns.Count, fit.Result.Nobs, test));
        }
        string coefficient = c.Coefficient is null ? "" : labels.TryGetValue(c.Coefficient, out var l) ? l : c.Coefficient;
        string what = c.Test == "chow" ? "all coefficients" : coefficient;
        bool zh = table.Layout.Text.Language == "zh";
        string label2 = zh ? $"组间系数差异检验p值（{TestName(c)}{(levels.Count == 2 ? "" : "，各组对其余组")}）"
            : levels.Count == 2 ? $"{TestName(c)} p ({what}: equal in the two groups)" : $"{TestName(c)} p ({what}: group vs the rest)";
        var model = HeterogeneityTableBuilder.Build(columns, label2, pValues, table.Layout, [zh ? ExplanationZh(c, coefficient, labels) : Explanation(c, levels.Count)]);
        return new TableResult
        {
            Name = table.Name,
            Table = model,
            Columns = columns,
            Comparison = new ComparisonSummary(c.By, c.Coefficient, c.Test, levels.Count == 2 ? "pair" : "group_vs_rest", groups),
        };
    }

    private static string TestName(PlannedComparison c) => c.Test switch { "suest" => "suest", "chow" => "Chow", _ => "permutation" };

    /// <summary>The explanation as a Chinese journal words it (<c>language: zh</c>).</summary>
    private static string ExplanationZh(PlannedComparison c, string coefficient, IReadOnlyDictionary<string, string> labels)
    {
        string by = labels.TryGetValue(c.By, out var l) ? l : c.By;
        string test = c.Test switch
        {
            "suest" => $"基于似无相关估计（suest）的Wald检验，原假设为{coefficient}的系数在组间相等",
            "chow" => "Chow检验（F检验），原假设为全部系数在组间相等",
            _ => $"Fisher置换检验（{c.PermutationReps}次重排，种子{c.Seed}），检验{coefficient}的系数差异",
        };
        return $"各列为按{by}分组的子样本回归{(c.Options.If is null ? "" : $"（样本条件：{c.Options.If}）")}；组间系数差异检验为{test}。";
    }

    private static string Explanation(PlannedComparison c, int groups)
    {
        string test = c.Test switch
        {
            "suest" => $"suest: Wald chi2(1) that the coefficient of {c.Coefficient} is the same in both samples, scores combined as Stata's suest (clustered across the samples when the covariance is clustered)",
            "chow" => "Chow: F test that all coefficients are the same in both samples",
            _ => $"permutation: two-sided Fisher test of the difference in {c.Coefficient}, {c.PermutationReps} reshuffles of the group labels (seed {c.Seed})",
        };
        string pairs = groups == 2 ? "the two groups" : "each group against the other compared groups pooled";
        return $"Group columns: the model on the rows where {c.By} takes the column's level{(c.Options.If is null ? "" : $" and {c.Options.If}")}. " +
               $"Test row ({pairs}): {test}.";
    }

    private static Results.RegressionResult Fit(Frame frame, PlannedTable table, PlannedComparison c, FitOptions options)
    {
        try { return Regression.Fit(frame, c.Formula, options).Single(); }
        catch (Exception ex) when (ex is DataException or EstimationException)
        {
            throw Problem(c, table, $"the whole-sample model cannot be fitted: {StudySettings.Message(ex)}");
        }
    }

    private static ComparisonResult Compare(Frame frame, PlannedTable table, PlannedComparison c, ComparisonSpec spec, FitOptions options)
    {
        try { return GroupComparison.Run(frame, c.Formula, spec, options); }
        catch (UserInputException ex) { throw Problem(c, table, StudySettings.Message(ex)); }
    }

    private static StudyException Problem(PlannedComparison c, PlannedTable table, string problem) =>
        new([$"{c.Source} line {c.Line}: table '{table.Name}' (compare by {c.By}): {problem}"]);
}

/// <summary>What a heterogeneity table compared, for results.json: the grouping column, the coefficient (null for
/// Chow), the test, whether p compares the two groups ("pair") or each group with the rest ("group_vs_rest"), and
/// per group its level, title, table column number, N and test.</summary>
public sealed record ComparisonSummary(string By, string? Coefficient, string Test, string Pairing, IReadOnlyList<ComparisonGroup> Groups);

/// <summary>One group column of a heterogeneity table and its equality test.</summary>
public sealed record ComparisonGroup(string Level, string Title, int Column, int Nobs, EqualityTest Test);
