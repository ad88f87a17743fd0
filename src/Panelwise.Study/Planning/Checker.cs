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

    /// <summary>Data columns of synthetic sources and why each is synthetic.</summary>
    public Dictionary<string, string> SyntheticColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>DuckDB tables loaded from synthetic files (<c>as</c> with <c>synthetic: true</c>).</summary>
    public HashSet<string> SyntheticTables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string problem) => Problems.Add(problem);

    /// <summary>Records the columns a source adds (all but its join keys and <paramref name="keys"/>, the panel's id
    /// and time) as synthetic when the source says so, or, for a query that does not say, when its text names a
    /// synthetic table or column (as a whole word): it reads generated data.</summary>
    public void MarkSynthetic(Data.Frame frame, DataDefinition source, IReadOnlyCollection<string> keys)
    {
        string? why = source.Synthetic switch
        {
            true => $"synthetic source {source.Display}",
            null when source.Sql is { } sql && Reads(sql.Value) is { Count: > 0 } read => $"{source.Display}, which reads {string.Join(", ", read)}",
            _ => null,
        };
        if (why is null) return;
        var skip = source.Join.Select(k => k.Value).Concat(keys).ToHashSet(StringComparer.Ordinal);
        foreach (var column in frame.Columns)
            if (!skip.Contains(column.Name)) SyntheticColumns.TryAdd(column.Name, why);
    }

    /// <summary>The synthetic tables and columns a query's text names, sorted.</summary>
    private List<string> Reads(string sql) =>
        SyntheticTables.Concat(SyntheticColumns.Keys)
            .Where(name => System.Text.RegularExpressions.Regex.IsMatch(sql, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(name)}(?!\w)", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Order(StringComparer.Ordinal).ToList();

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
            Add(StudyErrors.BadFilter(Source, condition.Line, StudySettings.Message(ex)));
        }
    }
}
