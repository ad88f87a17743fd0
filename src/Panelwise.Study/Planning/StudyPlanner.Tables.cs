using System.Text.RegularExpressions;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Render.Tables;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;
using Panelwise.Models;

namespace Panelwise.Study;

public static partial class StudyPlanner
{
    private static readonly Dictionary<string, BracketStatistic> Brackets = new() { ["se"] = BracketStatistic.StandardError, ["t"] = BracketStatistic.TStatistic };

    private static readonly Dictionary<string, FitStatistic> FitStatistics = new()
    {
        ["n"] = FitStatistic.Observations, ["r2"] = FitStatistic.R2, ["adj_r2"] = FitStatistic.AdjustedR2,
        ["r2_within"] = FitStatistic.WithinR2, ["adj_r2_within"] = FitStatistic.AdjustedWithinR2,
    };

    private static readonly Dictionary<string, SummaryStatistic> SummaryStatistics = new()
    {
        ["n"] = SummaryStatistic.N, ["mean"] = SummaryStatistic.Mean, ["median"] = SummaryStatistic.Median, ["sd"] = SummaryStatistic.Sd,
        ["min"] = SummaryStatistic.Min, ["max"] = SummaryStatistic.Max, ["p25"] = SummaryStatistic.P25, ["p75"] = SummaryStatistic.P75,
    };

    /// <summary>Longest table name: it names files such as NAME-coefficients.png, which must stay well within the 255
    /// characters a file name may have, with room for the output folder's path.</summary>
    private const int MaxTableName = 100;

    /// <summary>Names whose table files would replace a file every run writes (checks.md, report.html, tables.xlsx).</summary>
    private static readonly Dictionary<string, string> RunFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["checks"] = "checks.md", ["report"] = "report.html", ["tables"] = StudyWorkbook.FileName,
    };

    private static List<PlannedTable> CheckTables(StudyDefinition study, Checker check, Data.Frame? data, Render.Tables.TableText rootText)
    {
        // Case-insensitive: on Windows and macOS, T1 and t1 name the same files.
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tables = new List<PlannedTable>();
        foreach (var table in study.Tables)
        {
            string name = table.Name.Value;
            if (!Regex.IsMatch(name, "^[A-Za-z0-9_-]+$")) check.Add(StudyErrors.BadTableName(study.Source, table.Name.Line, name));
            else if (name.Length > MaxTableName) check.Add(StudyErrors.LongTableName(study.Source, table.Name.Line, name, MaxTableName));
            else if (Regex.IsMatch(name, "^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$", RegexOptions.IgnoreCase))
                check.Add(StudyErrors.ReservedTableName(study.Source, table.Name.Line, name));
            else if (RunFiles.TryGetValue(name, out var runFile))
                check.Add(StudyErrors.RunFileTableName(study.Source, table.Name.Line, name, runFile));
            else if (names.TryGetValue(name, out var first))
                check.Add(StudyErrors.DuplicateTable(study.Source, table.Name.Line, name, first));
            else names[name] = name;
            var fits = table.Columns.Select(c => CheckFit(study, check, table, c)).OfType<PlannedFit>().ToList();
            var comparison = table.Compare is { } cmp ? CheckComparison(study, check, table, cmp, data) : null;
            CheckControls(study, check, table, comparison is null ? fits : [new PlannedFit(comparison.Formula, comparison.Options, null)]);
            var layout = Present(study, check, table, Layout(study, check, table),
                comparison is null ? fits : [new PlannedFit(comparison.Formula, comparison.Options, null)], rootText);
            if (table.Columns.Any(c => c.Tests.Count > 0)) (layout, fits) = ColumnTests(check, table, layout, fits);
            tables.Add(new PlannedTable
            {
                Name = table.Name.Value,
                Fits = fits,
                Summary = table.Summary is { } s ? CheckSummary(study, check, s) : null,
                Mediation = table.Mediate is { } m ? CheckMediation(study, check, table, m) : null,
                Multiverse = table.Multiverse is { } mv ? CheckMultiverse(study, check, table, mv) : null,
                Comparison = comparison,
                Layout = layout,
                Stamp = table.Stamp ?? study.Stamp ?? true,
            });
        }
        CheckRootRenames(study, check);
        CheckSpecificationFileNames(study, check);
        return tables;
    }

    private static PlannedFit? CheckFit(StudyDefinition study, Checker check, TableDefinition table, FitColumnDefinition column)
    {
        var vcov = Word(check, column.Vcov, VcovSpec.Parse) ?? VcovSpec.Iid;
        foreach (var cluster in vcov.ClusterVariables.SelectMany(c => c.Split('^')))
            check.Column(new Located<string>(cluster, column.Vcov!.Line), "the covariance");
        // Absent or unreadable, the model is the default pooled OLS (PanelModel.Ols is the enum default).
        var model = Word(check, column.Model, PanelModelNames.Parse);
        bool fgls = model == PanelModel.Fgls;
        var glsOptions = fgls ? CheckFgls(study, check, column, vcov) : null;
        if (!fgls && (column.Panels ?? column.Corr) is { } glsOnly)
            check.Add(StudyErrors.BadOption(study.Source, glsOnly.Line, "'panels' and 'corr' belong to model: fgls."));
        if (model != PanelModel.Ols && study.Panel is null)
            check.Add(StudyErrors.NeedsPanel(study.Source, column.Model!.Line, column.Model.Value));
        var estimator = Word(check, column.Estimator, IvOptions.ParseEstimator);
        if (column.Small == false)
        {
            if (model != PanelModel.Ols)
                check.Add(StudyErrors.BadOption(study.Source, column.Line, "'small: false' (large-sample conventions of ivreg2/ivregress) applies to OLS and IV columns; a panel model follows Stata's xt command: remove it."));
            vcov = vcov with { Small = false };
        }
        check.Filter(column.If);
        if (column.Weights is { } w) check.Column(w, "the weights");
        try
        {
            foreach (var spec in FormulaParser.Parse(column.Formula.Value).Expand())
            {
                foreach (var variable in spec.Variables().Order(StringComparer.Ordinal))
                    check.Column(new Located<string>(variable, column.Formula.Line), $"the formula \"{column.Formula.Value}\"");
                check.Terms.UnionWith(spec.Regressors.Select(t => t.Name));
                check.Terms.UnionWith(spec.Endogenous.Select(t => t.Name));
                if (column.Estimator is { } e && spec.Endogenous.Count == 0)
                    check.Add(StudyErrors.EstimatorWithoutIv(study.Source, e.Line, e.Value));
                if (fgls && spec.FixedEffects.Count > 0)
                    check.Add(StudyErrors.BadFormula(study.Source, column.Formula.Line, table.Name.Value, "model: fgls absorbs no fixed effects (xtgls has none): write the dummies as i(VAR) instead of '| VAR'."));
                if (fgls && spec.Endogenous.Count > 0)
                    check.Add(StudyErrors.BadFormula(study.Source, column.Formula.Line, table.Name.Value, "model: fgls has no instrumental-variables form."));
                if (column.Match is { } m && spec.Endogenous.Count > 0)
                    check.Add(StudyErrors.BadOption(study.Source, m.Line, "'match' runs a weighted OLS on the matched sample: it does not apply to an IV formula."));
                check.Terms.UnionWith(spec.FixedEffects.Select(f => f.Name));
                check.Terms.Add(spec.Response.Name);
            }
        }
        catch (FormulaException ex)
        {
            check.Add(StudyErrors.BadFormula(study.Source, column.Formula.Line, table.Name.Value, StudySettings.Message(ex)));
            return null;
        }
        var match = column.Match is { } block ? CheckMatch(study, check, column, block, fgls ? PanelModel.Ols : model) : null; // fgls + match: CheckFgls says why
        return new PlannedFit(column.Formula.Value, new FitOptions
        {
            Panel = study.Panel is var (id, time) ? (id.Value, time.Value) : null,
            Vcov = vcov,
            Model = model,
            If = column.If?.Value,
            Weights = column.Weights?.Value,
            Iv = column.Estimator is null ? new IvOptions() : new IvOptions { Estimator = estimator },
            Fgls = glsOptions ?? new(),
        }, column.Title) { Match = match };
    }

    /// <summary><c>model: fgls</c> with optional <c>panels</c> and <c>corr</c>: the GLS covariance is the model's own,
    /// so a <c>vcov</c>, weights or matching are refused.</summary>
    private static Estimation.Panel.FglsOptions? CheckFgls(StudyDefinition study, Checker check, FitColumnDefinition column, VcovSpec vcov)
    {
        if (column.Vcov is { } v && vcov is not IidVcovSpec)
            check.Add(StudyErrors.BadOption(study.Source, v.Line, "model: fgls reports the GLS covariance (X'Ω⁻¹X)⁻¹ with z statistics, as xtgls: remove 'vcov'."));
        if (column.Weights is { } w)
            check.Add(StudyErrors.BadOption(study.Source, w.Line, "model: fgls takes no weights (xtgls estimates the panel variances itself)."));
        if (column.Match is { } m)
            check.Add(StudyErrors.BadOption(study.Source, m.Line, "model: fgls cannot run on a matched sample (it takes no weights): use a fixed-effects formula with 'match'."));
        try { return Estimation.Panel.FglsOptions.Parse(column.Panels?.Value, column.Corr?.Value); }
        catch (UserInputException ex)
        {
            check.Add(StudyErrors.BadOption(study.Source, (column.Panels ?? column.Corr)!.Line, StudySettings.Message(ex)));
            return null;
        }
    }

    private static void CheckControls(StudyDefinition study, Checker check, TableDefinition table, List<PlannedFit> fits)
    {
        if (table.Compare is null && fits.Count != table.Columns.Count) return;
        var terms = fits.SelectMany(f => FormulaParser.Parse(f.Formula).Expand()).SelectMany(s => s.Regressors.Concat(s.Endogenous).Select(t => t.Name)).ToHashSet();
        foreach (var control in table.Controls)
            if (!terms.Contains(control.Value))
                check.Add(StudyErrors.ControlNotInFormula(study.Source, control.Line, control.Value, table.Name.Value));
    }

    private static PlannedSummary CheckSummary(StudyDefinition study, Checker check, SummaryDefinition summary)
    {
        string what = summary.Kind.ToString().ToLowerInvariant();
        foreach (var variable in summary.Variables) check.Column(variable, $"the {what} block");
        check.Filter(summary.If);
        if (summary.Kind == SummaryKind.Vif && summary.Variables.Count < 2)
            check.Add(StudyErrors.BadOption(study.Source, summary.Line, "a vif block needs at least two variables: each is regressed on the others."));
        var statistics = summary.Statistics.Select(s => Choice(check, s, "statistic", SummaryStatistics)).OfType<SummaryStatistic>().ToList();
        return new PlannedSummary(summary.Kind, summary.Variables.Select(v => v.Value).ToList(),
            statistics.Count > 0 ? statistics : new DescriptiveTableOptions().Statistics, summary.If?.Value);
    }

    private static RegressionTableOptions Layout(StudyDefinition study, Checker check, TableDefinition table)
    {
        var defaults = new RegressionTableOptions();
        var statistics = table.Statistics.Select(s => Choice(check, s, "statistic", FitStatistics)).OfType<FitStatistic>().ToList();
        var tests = TestRows(check, table.Tests);
        return new RegressionTableOptions
        {
            Title = table.Title,
            Controls = table.Controls.Select(c => c.Value).ToList(),
            Statistics = statistics.Count > 0 ? statistics : defaults.Statistics,
            Tests = tests,
            Bracket = table.Bracket is { } b ? Choice(check, b, "bracket", Brackets) ?? defaults.Bracket : defaults.Bracket,
            Stars = table.Stars is { } stars ? new StarThresholds(stars.Select(s => (s.Level, s.Symbol)).ToList()) : defaults.Stars,
            Notes = table.Notes,
        };
    }

    private static List<TestRow> TestRows(Checker check, IEnumerable<Located<string>> names)
    {
        var rows = new List<TestRow>();
        foreach (var test in names)
        {
            string name = test.Value.Trim();
            if (!TestRowCatalog.IsKnown(name)) check.Add(StudyErrors.UnknownTest(check.Source, test.Line, test.Value, TestRowCatalog.Names));
            else if (rows.All(r => r.Key != name)) rows.Add(TestRowCatalog.Row(name));
        }
        return rows;
    }

    /// <summary>Column-level <c>tests:</c>: the table shows the union of all rows (table's first); each column fills the
    /// table's rows and its own.</summary>
    private static (RegressionTableOptions, List<PlannedFit>) ColumnTests(Checker check, TableDefinition table, RegressionTableOptions layout, List<PlannedFit> fits)
    {
        var rows = layout.Tests.ToList();
        var own = table.Columns.Select(c => TestRows(check, c.Tests).Select(r => TestRowCatalog.Row(r.Key, layout.Text)).ToList()).ToList();
        foreach (var row in own.SelectMany(r => r)) if (rows.All(r => r.Key != row.Key)) rows.Add(row);
        if (fits.Count == table.Columns.Count)
            fits = fits.Select((f, i) => f with { Tests = layout.Tests.Concat(own[i]).Select(r => r.Key).ToHashSet(StringComparer.Ordinal) }).ToList();
        return (layout with { Tests = rows }, fits);
    }

    private static T? Choice<T>(Checker check, Located<string> word, string what, Dictionary<string, T> words) where T : struct
    {
        if (words.TryGetValue(word.Value.Trim().ToLowerInvariant(), out var value)) return value;
        check.Add(StudyErrors.BadWord(check.Source, word.Line, what, word.Value, words.Keys));
        return null;
    }

    /// <summary>Parses an option with the CLI's own parser, turning its message into a located problem.</summary>
    private static T? Word<T>(Checker check, Located<string>? word, Func<string, T> parse) where T : notnull
    {
        if (word is null) return default;
        try { return parse(word.Value); }
        catch (UserInputException ex)
        {
            check.Add(StudyErrors.BadOption(check.Source, word.Line, StudySettings.Message(ex)));
            return default;
        }
    }
}
