using Panelwise.Formula;
using Panelwise.Render.Tables;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

public static partial class StudyPlanner
{
    /// <summary>The root's fixed texts (language, then <c>text:</c> entries), checked once; tables start from them.</summary>
    private static TableText RootText(StudyDefinition study, Checker check) => Text(check, TableText.En, study.Presentation);

    private static TableText Text(Checker check, TableText start, PresentationDefinition presentation)
    {
        var text = start;
        if (presentation.Language is { } language)
            text = TableText.For(language.Value) ?? Bad(check, language, text);
        foreach (var (key, value) in presentation.Text)
        {
            if (text.With(key.Value, value.Value) is { } replaced) text = replaced;
            else check.Add(StudyErrors.UnknownTextKey(check.Source, key.Line, key.Value, TableText.Keys));
        }
        return text;
    }

    private static TableText Bad(Checker check, Located<string> language, TableText text)
    {
        check.Add(StudyErrors.BadWord(check.Source, language.Line, "language", language.Value, TableText.Languages));
        return text;
    }

    /// <summary>A table's language, texts, renames (root's, then its own) and digits on top of its layout; renames
    /// that put two terms of one column on one row are errors naming both.</summary>
    private static RegressionTableOptions Present(StudyDefinition study, Checker check, TableDefinition table, RegressionTableOptions layout,
        IReadOnlyList<PlannedFit> fits, TableText rootText)
    {
        var own = table.Presentation;
        // A table's own language starts afresh from that catalogue; the root's text entries (checked once) still apply.
        var text = rootText;
        if (own.Language is { } language)
        {
            text = TableText.For(language.Value) ?? Bad(check, language, rootText);
            foreach (var (key, value) in study.Presentation.Text) text = text.With(key.Value, value.Value) ?? text;
        }
        text = Text(check, text, own with { Language = null });
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (term, row) in study.Presentation.Rename.Concat(own.Rename)) { rename[term.Value] = row.Value; lines[term.Value] = row.Line; }
        foreach (var (term, _) in own.Rename)
            if (check.Known is not null && !check.Terms.Contains(term.Value))
                check.Add(StudyErrors.UnknownRenameTerm(study.Source, term.Line, term.Value, check.Terms));
        if (own.Digits is not null && table.Decimals is not null) check.Add(StudyErrors.DigitsTwice(study.Source, table.Line, table.Name.Value));
        int digits = own.Digits ?? table.Decimals ?? study.Presentation.Digits ?? layout.Decimals;
        if (digits is < 0 or > 8) check.Add(StudyErrors.BadDigits(study.Source, table.Line, digits));
        var options = layout with { Text = text, Tests = [.. layout.Tests.Select(t => TestRowCatalog.Row(t.Key, text))], Rename = rename, Decimals = Math.Clamp(digits, 0, 8) };
        var columns = ColumnTerms(fits, options.Controls);
        foreach (var (column, first, second, row) in RowIdentity.Collisions(columns, options))
            check.Add(StudyErrors.RenameCollision(study.Source, lines.GetValueOrDefault(second, lines.GetValueOrDefault(first, table.Line)),
                table.Name.Value, column + 1, first, second, row));
        return options;
    }

    /// <summary>The terms each printed column shows (a formula with csw() gives several columns), controls left out.</summary>
    private static List<IReadOnlyList<string>> ColumnTerms(IReadOnlyList<PlannedFit> fits, IReadOnlyList<string> controls)
    {
        var columns = new List<IReadOnlyList<string>>();
        foreach (var fit in fits)
        {
            try
            {
                foreach (var spec in FormulaParser.Parse(fit.Formula).Expand())
                    columns.Add(spec.Regressors.Concat(spec.Endogenous).Select(t => t.Name).Where(t => !controls.Contains(t)).ToList());
            }
            catch (FormulaException) { } // reported with its line by CheckFit
        }
        return columns;
    }

    /// <summary>The root's renames name formula terms of some table.</summary>
    private static void CheckRootRenames(StudyDefinition study, Checker check)
    {
        foreach (var (term, _) in study.Presentation.Rename)
            if (check.Known is not null && !check.Terms.Contains(term.Value))
                check.Add(StudyErrors.UnknownRenameTerm(study.Source, term.Line, term.Value, check.Terms));
        if (study.Presentation.Digits is int d && d is < 0 or > 8) check.Add(StudyErrors.BadDigits(study.Source, 1, d));
    }
}
