using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Methods.Indices;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The data step of a study: the study's variables in file order, then its indices, added as columns to
/// the data as read. Returns the prepared frame and the notes of values that became missing.</summary>
public static class StudyData
{
    public static (Frame Frame, IReadOnlyList<string> Notes) Prepare(StudyPlan plan)
    {
        var frame = plan.Data;
        var notes = new List<string>();
        var panel = plan.Panel is var (id, time) ? PanelIndex.Build(frame, id, time) : null;
        foreach (var (name, expression) in plan.Variables)
        {
            var values = ColumnExpression.Evaluate(frame, expression, panel, out var evaluationNotes);
            frame = frame.With(new NumericColumn(name, values) { Label = plan.Labels.GetValueOrDefault(name) });
            notes.AddRange(evaluationNotes.Select(n => $"{name} = {expression}: {n}"));
        }
        foreach (var index in plan.Indices)
        {
            bool[]? sample = index.If is null ? null : RowFilter.Evaluate(frame, index.If);
            var result = IndexBuilder.Build(frame, index.Spec, sample);
            frame = result.Data;
            notes.AddRange(result.Notes.Select(n => $"index {index.Spec.Root.Name}: {n}"));
        }
        return (frame, notes);
    }
}
