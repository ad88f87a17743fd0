using Panelwise.Data;
using Panelwise.Data.Transforms;
using Panelwise.Design;
using Panelwise.Methods.Indices;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The data step of a study: the study's variables in file order (expressions, then winsor, interpolate,
/// group and map transforms as written), then its indices, added as columns to the data as read and joined. Returns
/// the prepared frame and the notes: values that became missing and how many values each transform changed.</summary>
public static class StudyData
{
    public static (Frame Frame, IReadOnlyList<string> Notes) Prepare(StudyPlan plan)
    {
        var prepared = Run(plan);
        return (prepared.Frame, prepared.Notes);
    }

    /// <summary>The data step with its data-handling report: interpolations and unit conversions with their counts,
    /// each index's rows, indicator years and weights, then what each <c>if</c> condition keeps.</summary>
    public static PreparedData Run(StudyPlan plan)
    {
        var frame = plan.Panel is var (_, panelTime) ? PanelTime.InPeriods(plan.Data, panelTime) : plan.Data;
        var notes = new List<string>();
        var steps = new List<DataStepReport>();
        var panel = plan.Panel is var (id, time) ? PanelIndex.Build(frame, id, time) : null;
        foreach (var variable in plan.Variables)
        {
            string name = variable.Name.Value, source = variable.Source.Value;
            string? label = plan.Labels.GetValueOrDefault(name);
            Column column;
            string? note = null;
            switch (variable.Kind)
            {
                case VariableDefinition.Winsor:
                    (column, var winsor) = VariableTransforms.Winsor(frame, name, source, variable.P);
                    note = winsor.Text;
                    break;
                case VariableDefinition.Interpolate:
                    var (unitColumn, timeColumn) = plan.Panel!.Value;
                    var filled = VariableTransforms.Interpolate(frame, name, source, unitColumn, timeColumn);
                    var interpolation = new InterpolationReport(name, source, unitColumn, timeColumn, filled.Filled, filled.MissingBeforeFirst,
                        filled.MissingAfterLast, filled.UnitsWithoutValues, filled.MissingInThoseUnits);
                    (column, note) = (filled.Column, interpolation.Describe());
                    steps.Add(interpolation);
                    break;
                case VariableDefinition.Convert:
                    var (from, to) = (variable.From!.Value, variable.To!.Value);
                    var converted = VariableTransforms.Convert(frame, name, source, from, to);
                    var conversion = new ConversionReport(name, source, from, to, converted.Multiplier, converted.Divisor, converted.Converted, converted.Missing);
                    (column, note) = (converted.Column, conversion.Describe());
                    steps.Add(conversion);
                    break;
                case VariableDefinition.Group:
                    (column, var group) = VariableTransforms.Group(frame, name, source, variable.Top, variable.By?.Value);
                    note = group.Text;
                    break;
                case VariableDefinition.ClassifyUnits:
                    (column, var grouping) = UnitClassificationStep.Run(plan.Source, frame, variable);
                    note = grouping.Describe();
                    steps.Add(grouping);
                    break;
                case VariableDefinition.Map:
                    (column, var map) = VariableTransforms.Map(frame, name, source, variable.Groups);
                    note = map.Text;
                    break;
                default:
                    var values = ColumnExpression.Evaluate(frame, source, panel, out var evaluationNotes);
                    column = new NumericColumn(name, values);
                    notes.AddRange(evaluationNotes.Select(n => $"{name} = {source}: {n}"));
                    break;
            }
            if (note is not null) notes.Add(note);
            frame = frame.With(label is null ? column : Labelled(column, label));
        }
        foreach (var index in plan.Indices)
        {
            bool[]? sample = index.If is null ? null : RowFilter.Evaluate(frame, index.If);
            var result = IndexBuilder.Build(frame, index.Spec, sample);
            steps.Add(DataStepReports.Index(plan, frame, index, sample, result));
            frame = result.Data;
            notes.AddRange(result.Notes.Select(n => $"index {index.Spec.Root.Name}: {n}"));
        }
        steps.AddRange(DataStepReports.Samples(plan, frame));
        return new PreparedData(frame, notes, steps);
    }

    private static Column Labelled(Column column, string label) => column switch
    {
        NumericColumn n => new NumericColumn(n.Name, n.Values) { Label = label, ValueLabels = n.ValueLabels },
        CategoricalColumn c => new CategoricalColumn(c.Name, c.Codes, c.Levels) { Label = label },
        _ => column,
    };
}
