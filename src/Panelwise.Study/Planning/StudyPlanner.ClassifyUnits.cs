using System.Text.RegularExpressions;
using Panelwise.Data;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>Checks of a <c>classify_units</c> variable before the data step: the indicators, unit id and given
/// classifications are columns (indicators numeric, each listed once), one distinct label per group, at most one
/// principal component per indicator, the names of its tables free; and, when the unit id is a data column, enough
/// units for k groups (and more units than indicators for PCA). What only the data step reveals (an indicator without
/// values in a unit, the same mean in every unit, a given classification that varies within a unit) is reported by
/// the data step with the variable's line.</summary>
public static partial class StudyPlanner
{
    private static void CheckClassifyUnits(StudyDefinition study, Checker check, VariableDefinition variable, Frame? data, List<VariableDefinition> earlier)
    {
        if (variable.Classification is not { } c) return;
        string name = variable.Name.Value, what = $"classify_units variable '{name}'";
        void Problem(long line, string text) => check.Add(StudyErrors.ClassifyUnitsProblem(study.Source, line, name, text));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in c.Indicators)
        {
            if (!seen.Add(indicator.Value)) Problem(indicator.Line, $"indicator '{indicator.Value}' is listed twice: list each indicator once.");
            else if (check.Column(indicator, what) && IsText(indicator.Value, data, earlier))
                check.Add(StudyErrors.NotNumeric(study.Source, indicator.Line, indicator.Value, $"classify_units ('{name}')"));
        }
        if (c.Id is { } id && check.Column(id, what) && data?.Find(id.Value) is { } unit) CheckUnitCount(c, Units(unit), id, Problem);
        foreach (var given in c.CompareWith)
        {
            if (given.Value == name) Problem(given.Line, "compare_with names the variable itself: name a given classification of the units (e.g. position).");
            else check.Column(given, what);
        }
        CheckClassifyUnitsTables(study, c, name, Problem);
        if (c.Labels is { } labels)
        {
            if (labels.Count != c.K)
                Problem(variable.Name.Line, $"give {c.K} labels, one per group (k = {c.K}), lowest group first; got {labels.Count}.");
            else if (labels.Select(l => l.Value).Distinct().Count() != labels.Count)
                Problem(variable.Name.Line, "the labels must be distinct.");
        }
        if (c.Pca is int pca && (c.Indicators.Count < 2 || pca > c.Indicators.Count))
            Problem(variable.Name.Line, c.Indicators.Count < 2
                ? "principal components (pca) need at least 2 indicators: list more indicators or remove pca."
                : $"pca: choose between 1 and {c.Indicators.Count} principal components (one per indicator), or auto; got {pca}.");
    }

    private static void CheckUnitCount(UnitClassificationDefinition c, int units, Located<string> id, Action<long, string> problem)
    {
        if (units < 2) problem(id.Line, $"'{id.Value}' has {units} unit{(units == 1 ? "" : "s")} with a value: grouping needs at least 2 units; name the column that identifies the units.");
        else if (c.K > units) problem(id.Line, $"cannot form {c.K} groups from the {units} units of '{id.Value}': set k between 1 and {units}.");
        else if (c.Pca is not null && units <= c.Indicators.Count)
            problem(id.Line, $"principal components need more units than indicators; '{id.Value}' has {units} units for {c.Indicators.Count} indicators: drop indicators or remove pca.");
    }

    /// <summary>The tables a classification writes are named after it: they must be valid table names and not a
    /// study table's (names compare ignoring case, as file names do on Windows and macOS).</summary>
    private static void CheckClassifyUnitsTables(StudyDefinition study, UnitClassificationDefinition c, string name, Action<long, string> problem)
    {
        var own = new List<string> { UnitGroupingTables.FactorTable(name), UnitGroupingTables.MembershipTable(name) };
        own.AddRange(c.CompareWith.Select(g => UnitGroupingTables.AgreementTable(name, g.Value)));
        foreach (var table in own.Where(t => !Regex.IsMatch(t, "^[A-Za-z0-9_-]+$")))
            problem(study.Variables.First(v => v.Name.Value == name).Name.Line,
                $"its table '{table}' is named after the variable (and the compared column): use letters, digits and _ in those names.");
        foreach (var table in study.Tables.Where(t => own.Contains(t.Name.Value, StringComparer.OrdinalIgnoreCase)))
            problem(table.Name.Line, $"its tables are named {string.Join(", ", own)}: rename the table '{table.Name.Value}'.");
    }

    private static int Units(Column unit) => unit switch
    {
        CategoricalColumn categorical => categorical.Codes.Where(code => code >= 0).Distinct().Count(),
        NumericColumn numeric => numeric.Values.Where(v => !double.IsNaN(v)).Distinct().Count(),
        _ => 0,
    };
}
