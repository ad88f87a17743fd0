using Panelwise.Data;
using Panelwise.Data.Transforms;
using Panelwise.Formula;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>The data sources (read, then left-joined in order) and the variables (expressions and transforms).</summary>
public static partial class StudyPlanner
{
    /// <summary>Runs the data sources (files, DuckDB tables, classifications, queries); returns the joined data, the
    /// files read and the data-step reports (each classification's counts).</summary>
    private static (Frame?, List<string>, List<DataStepReport>) ReadData(StudyDefinition study, Checker check)
    {
        using var sources = new StudySources(study, check);
        sources.Run();
        if (sources.Data is { } data) check.Known = new HashSet<string>(data.Columns.Select(c => c.Name), StringComparer.Ordinal);
        return (sources.Data, sources.Paths, sources.Steps);
    }

    private static List<VariableDefinition> CheckVariables(StudyDefinition study, Checker check, Frame? data)
    {
        var result = new List<VariableDefinition>();
        foreach (var variable in study.Variables)
        {
            var (name, source) = (variable.Name, variable.Source);
            if (check.Known?.Contains(name.Value) == true) check.Add(StudyErrors.VariableExists(study.Source, name.Line, name.Value));
            string what = $"variable '{name.Value}'";
            switch (variable.Kind)
            {
                case VariableDefinition.Expression:
                    try
                    {
                        foreach (var column in ExpressionParser.Parse(source.Value).Columns())
                            check.Column(new Located<string>(column, source.Line), what);
                    }
                    catch (ExpressionException ex)
                    {
                        check.Add(StudyErrors.BadExpression(study.Source, source.Line, name.Value, StudySettings.Message(ex)));
                    }
                    break;
                case VariableDefinition.ClassifyUnits:
                    CheckClassifyUnits(study, check, variable, data, result);
                    break;
                case VariableDefinition.Map:
                    check.Column(source, what);
                    CheckGroups(study, check, variable);
                    break;
                default:
                    // winsor, interpolate and group need numbers; variables are numbers unless they are maps.
                    if (check.Column(source, what) && IsText(source.Value, data, result))
                        check.Add(StudyErrors.NotNumeric(study.Source, source.Line, source.Value, $"{variable.Kind} ('{name.Value}')"));
                    if (variable.By is { } by) check.Column(by, what);
                    if (variable.Kind == VariableDefinition.Interpolate && study.Panel is null)
                        check.Add(StudyErrors.InterpolateNeedsPanel(study.Source, name.Line, name.Value));
                    if (variable.Kind == VariableDefinition.Convert) CheckUnits(study, check, variable);
                    break;
            }
            check.Define(name.Value);
            result.Add(variable);
        }
        return result;
    }

    /// <summary>Both units of a <c>convert</c> variable are in the units table and of the same kind.</summary>
    private static void CheckUnits(StudyDefinition study, Checker check, VariableDefinition variable)
    {
        if (variable.From is not { } from || variable.To is not { } to) return;
        var (fromKind, toKind) = (MeasurementUnits.Kind(from.Value), MeasurementUnits.Kind(to.Value));
        foreach (var (unit, kind) in new[] { (from, fromKind), (to, toKind) })
            if (kind is null) check.Add(StudyErrors.UnknownUnit(study.Source, unit.Line, unit.Value, variable.Name.Value, MeasurementUnits.Names));
        if (fromKind is not null && toKind is not null && fromKind != toKind)
            check.Add(StudyErrors.UnitMismatch(study.Source, to.Line, variable.Name.Value, from.Value, fromKind, to.Value, toKind));
    }

    private static bool IsText(string name, Frame? data, List<VariableDefinition> earlier) =>
        data?.Find(name) is CategoricalColumn || earlier.Any(v => v.Name.Value == name && v.Kind is VariableDefinition.Map or VariableDefinition.ClassifyUnits);

    private static void CheckGroups(StudyDefinition study, Checker check, VariableDefinition variable)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, values) in variable.Groups)
            foreach (var value in values)
                if (!seen.TryAdd(value, group))
                    check.Add(StudyErrors.MapValueTwice(study.Source, variable.Name.Line, variable.Name.Value, value, seen[value], group));
    }
}
