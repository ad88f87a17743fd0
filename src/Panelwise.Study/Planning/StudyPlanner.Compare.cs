using System.Globalization;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Methods.Matching;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;
using Panelwise.Models;

namespace Panelwise.Study;

public static partial class StudyPlanner
{
    private static readonly string[] CompareTests = ["suest", "chow", "permutation", "permutation:B"];

    /// <summary>Checks a <c>compare:</c> block: one model (no csw()/sw()), every variable and the grouping column
    /// known, the coefficient a regressor of the model (none for chow), the test, levels and filter readable. Levels
    /// (listed, or those of a data column) become names a label may give a title to.</summary>
    private static PlannedComparison? CheckComparison(StudyDefinition study, Checker check, TableDefinition table, CompareDefinition c, Frame? data)
    {
        var vcov = Word(check, c.Vcov, VcovSpec.Parse) ?? VcovSpec.Iid;
        foreach (var cluster in vcov.ClusterVariables.SelectMany(v => v.Split('^')))
            check.Column(new Located<string>(cluster, c.Vcov!.Line), "the covariance");
        check.Filter(c.If);
        string where = $"the compare block of table '{table.Name.Value}'";
        if (c.By is { } by && check.Column(by, where))
        {
            foreach (var level in c.Levels) check.Terms.Add(level.Value);
            if (data?.Find(by.Value) is { } column) check.Terms.UnionWith(Factorizer.FactorizeWithLevels(column).Levels);
        }
        foreach (var level in c.Levels.Where(l => l.Value.Contains('\'')))
            check.Add(StudyErrors.BadOption(study.Source, level.Line, $"level \"{level.Value}\" contains a quote ('), which a group filter cannot hold: rename the level in the data."));
        if (c.Levels.Count == 1)
            check.Add(StudyErrors.BadOption(study.Source, c.Levels[0].Line, $"{where} lists one level ({c.Levels[0].Value}): list at least two, or leave 'levels' out to use every level."));
        foreach (var twice in c.Levels.GroupBy(l => l.Value).Where(g => g.Count() > 1))
            check.Add(StudyErrors.BadOption(study.Source, twice.Last().Line, $"level \"{twice.Key}\" is listed twice in {where}."));
        var (test, reps) = CompareTest(check, c.Test);
        string? coefficient = null;
        if (c.Formula is not { } formula || c.By is null) return null;
        try
        {
            var variants = FormulaParser.Parse(formula.Value).Expand();
            if (variants.Count != 1)
            {
                check.Add(StudyErrors.BadFormula(study.Source, formula.Line, table.Name.Value, "a compare block fits one model in every group: remove csw()/sw()."));
                return null;
            }
            var spec = variants[0];
            foreach (var variable in spec.Variables().Order(StringComparer.Ordinal))
                check.Column(new Located<string>(variable, formula.Line), $"the formula \"{formula.Value}\"");
            check.Terms.UnionWith(spec.Regressors.Select(t => t.Name));
            check.Terms.UnionWith(spec.FixedEffects.Select(f => f.Name));
            check.Terms.Add(spec.Response.Name);
            var regressors = spec.Regressors.Select(t => t.Name).Where(n => n != LinearEstimator.InterceptName).ToList();
            if (spec.Endogenous.Count > 0)
                check.Add(StudyErrors.BadFormula(study.Source, formula.Line, table.Name.Value, "a compare block takes an OLS model (suest uses OLS scores): no IV part."));
            if (test == "chow" && c.Coefficient is { } given)
                check.Add(StudyErrors.BadOption(study.Source, given.Line, "the Chow test compares all coefficients at once: remove 'coefficient', or use test: suest."));
            else if (test != "chow")
            {
                coefficient = c.Coefficient?.Value ?? regressors.FirstOrDefault();
                if (c.Coefficient is { } named && !regressors.Contains(named.Value))
                    check.Add(StudyErrors.BadOption(study.Source, named.Line, $"coefficient '{named.Value}' is not a regressor of \"{formula.Value}\". Use one of: {string.Join(", ", regressors)}."));
                else if (coefficient is null)
                    check.Add(StudyErrors.BadFormula(study.Source, formula.Line, table.Name.Value, "the model has no regressor to compare."));
            }
        }
        catch (FormulaException ex)
        {
            check.Add(StudyErrors.BadFormula(study.Source, formula.Line, table.Name.Value, StudySettings.Message(ex)));
            return null;
        }
        return new PlannedComparison
        {
            Formula = formula.Value,
            Options = new FitOptions { Panel = study.Panel is var (id, time) ? (id.Value, time.Value) : null, Vcov = vcov, If = c.If?.Value },
            By = c.By.Value,
            Levels = c.Levels.Count > 0 ? c.Levels.Select(l => l.Value).ToList() : null,
            TotalTitle = c.Total?.Value switch { null or "false" => null, "true" => "Total sample", var title => title },
            Coefficient = coefficient,
            Test = test ?? "suest",
            PermutationReps = reps,
            Seed = c.Seed ?? 12345,
            Source = study.Source,
            Line = c.Line,
        };
    }

    /// <summary><c>suest</c> (default), <c>chow</c>, <c>permutation</c> (1,000 replications) or <c>permutation:B</c>.</summary>
    private static (string? Test, int Reps) CompareTest(Checker check, Located<string>? word)
    {
        if (word is null) return ("suest", 1000);
        var parts = word.Value.Trim().ToLowerInvariant().Split(':', 2);
        if (parts[0] is "suest" or "chow" && parts.Length == 1) return (parts[0], 1000);
        if (parts[0] == "permutation" && parts.Length == 1) return ("permutation", 1000);
        if (parts[0] == "permutation" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int b) && b > 0) return ("permutation", b);
        check.Add(StudyErrors.BadWord(check.Source, word.Line, "test", word.Value, CompareTests));
        return (null, 1000);
    }

    /// <summary>Checks a fit column's <c>match:</c> block: treatment and covariates known, caliper a positive number,
    /// ratio at least 1; the column must be a plain OLS/absorbed-FE fit without its own weights (the matching weights
    /// take their place, and panel models and IV do not take weights).</summary>
    private static PlannedMatch? CheckMatch(StudyDefinition study, Checker check, FitColumnDefinition column, MatchDefinition m, PanelModel model)
    {
        string where = "the match block";
        if (m.Treatment is { } treatment) check.Column(treatment, where);
        foreach (var covariate in m.Covariates) check.Column(covariate, where);
        if (m.Covariates.Count == 0 && m.Treatment is not null)
            check.Add(StudyErrors.Missing(study.Source, m.Line, "covariates (a list: [x1, x2])", "a match block"));
        double? caliper = null;
        if (m.Caliper is { } text)
        {
            if (double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)) caliper = v;
            else check.Add(StudyErrors.OutOfRange(study.Source, text.Line, "caliper (in propensity-score units)", "above 0 and finite", text.Value));
        }
        if (m.Ratio is 0) check.Add(StudyErrors.BadOption(study.Source, m.Line, "ratio (controls per treated unit) must be at least 1."));
        if (column.Weights is { } w)
            check.Add(StudyErrors.BadOption(study.Source, w.Line, "a column with 'match' is weighted by the matching weights: remove 'weights'."));
        if (model != PanelModel.Ols && column.Model is not null)
            check.Add(StudyErrors.BadOption(study.Source, column.Model!.Line, "a column with 'match' runs a weighted regression, which panel models do not take: write the fixed effects as \"| id + year\" instead of 'model'."));
        if (m.Treatment is null || m.Covariates.Count == 0) return null;
        return new PlannedMatch(new MatchingSpec
        {
            Treatment = m.Treatment.Value,
            Covariates = m.Covariates.Select(c => c.Value).ToList(),
            Caliper = caliper,
            Neighbours = Math.Max(1, m.Ratio ?? 1),
            Replace = false,
            Seed = m.Seed ?? 12345,
        });
    }
}
