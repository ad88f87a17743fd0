using Panelwise.Design;
using Panelwise.Formula;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>The planner's running state: the problems found so far and the names defined so far (data columns, then
/// variables and indices in file order). When the data could not be read, <see cref="Known"/> is null and name checks
/// are skipped, so that only the real cause is reported.</summary>
internal sealed class Checker(string source)
{
    public string Source { get; } = source;

    public List<string> Problems { get; } = [];

    public HashSet<string>? Known { get; set; }

    /// <summary>Formula terms and fixed effects seen in tables (labels may name them).</summary>
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>Data columns of <c>synthetic: true</c> sources and the file each came from.</summary>
    public Dictionary<string, string> SyntheticColumns { get; } = new(StringComparer.Ordinal);

    public void Add(string problem) => Problems.Add(problem);

    /// <summary>Records every column of a synthetic source except its join keys as synthetic.</summary>
    public void MarkSynthetic(Data.Frame frame, DataDefinition source)
    {
        var keys = source.Join.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var column in frame.Columns)
            if (!keys.Contains(column.Name)) SyntheticColumns.TryAdd(column.Name, source.File.Value);
    }

    public void Define(string name) => Known?.Add(name);

    /// <summary>Reports <paramref name="name"/> when it is not a known column.</summary>
    public bool Column(Located<string> name, string what)
    {
        if (Known is null || Known.Contains(name.Value)) return true;
        Add(StudyErrors.UnknownColumn(Source, name.Line, name.Value, what, Known));
        return false;
    }

    /// <summary>Checks an <c>if</c> condition's syntax and columns.</summary>
    public void Filter(Located<string>? condition)
    {
        if (condition is null) return;
        try
        {
            foreach (var column in RowFilter.Columns(condition.Value))
                Column(new Located<string>(column, condition.Line), "the 'if' condition");
        }
        catch (ExpressionException ex)
        {
            Add(StudyErrors.BadFilter(Source, condition.Line, ex.Message));
        }
    }
}
