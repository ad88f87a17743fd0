using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.IO.Sql;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>The data step pushed down to engines. An engine source with <c>as</c> is an engine table: described (its
/// columns) but not read; a <c>classify</c> of it becomes a derived column on the engine (<see cref="EngineRelation.Classify"/>,
/// only the counts come back); a query whose table names (<see cref="QueryNames"/>) are all engine tables of one
/// engine runs there (<see cref="EngineQuery"/>, only its result comes back). A query that also reads local tables,
/// <c>frame</c> or another engine's tables runs in DuckDB as before: the engine tables it reads are fetched first
/// (each once until it is classified again), and a report says why. Every transfer is reported
/// (<see cref="EngineTransferReport"/>).</summary>
internal sealed partial class StudySources
{
    private sealed class EngineTable(Located<string> variable, EngineRelation relation)
    {
        public Located<string> Variable { get; } = variable;
        public EngineRelation Relation { get; set; } = relation;

        /// <summary>True while DuckDB holds a copy of the current relation.</summary>
        public bool Fetched { get; set; }
    }

    private readonly Dictionary<string, EngineTable> _engineTables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine's URL (any query string replaced) with the source's table= or query= (URL-encoded).</summary>
    private static string SourceUrl(DataDefinition source, string url) =>
        url.Split('?')[0] + "?" + (source.EngineTable is { } table ? "table=" + Uri.EscapeDataString(table) : "query=" + Uri.EscapeDataString(source.EngineQuery!));

    /// <summary>The engine source of <paramref name="source"/>, its URL from the environment variable; null (and a
    /// problem at the variable's line) when the variable is unset, not a URL, or the URL cannot be parsed.</summary>
    private EngineSource? Engine(DataDefinition source, Located<string> variable)
    {
        string? url = Environment.GetEnvironmentVariable(variable.Value);
        if (string.IsNullOrWhiteSpace(url) || !EngineSource.IsEngineUrl(url))
        {
            check.Add(StudyErrors.EngineVariable(study.Source, variable.Line, variable.Value, url));
            return null;
        }
        try
        {
            return EngineSource.Parse(SourceUrl(source, url));
        }
        catch (DataException ex)
        {
            check.Add(StudyErrors.DataProblem(study.Source, variable.Line, StudySettings.Message(ex)));
            return null;
        }
    }

    private void LoadEngine(DataDefinition source, Located<string> name, Located<string> variable)
    {
        if (!NewTable(source, name)) return;
        try
        {
            if (Engine(source, variable) is { } engine) _engineTables[name.Value] = new EngineTable(variable, EngineRelation.Open(engine));
            else _failedTables.Add(name.Value);
        }
        catch (DataException ex)
        {
            check.Add(StudyErrors.DataProblem(study.Source, variable.Line, StudySettings.Message(ex)));
            _failedTables.Add(name.Value);
        }
    }

    private void ClassifyOnEngine(ClassifyDefinition rule, KeywordRule keywords)
    {
        var table = _engineTables[rule.Table.Value];
        try
        {
            var (classified, counts) = table.Relation.Classify(keywords, Session);
            (table.Relation, table.Fetched) = (classified, false);
            Steps.Add(new ClassificationReport(keywords, counts) { Engine = table.Variable.Value });
        }
        catch (Exception ex) when (ex is SqlException or DataException)
        {
            check.Add(StudyErrors.ClassifyProblem(study.Source, rule.Line, StudySettings.Message(ex)));
            _failedTables.Add(rule.Table.Value);
        }
    }

    /// <summary>Runs the query on its engine when every table it reads is there (true, with the result or null after a
    /// reported problem); otherwise copies the engine tables it reads into DuckDB and returns false, so that it runs
    /// locally.</summary>
    private bool OnEngine(Located<string> sql, long? firstLine, out Frame? result)
    {
        result = null;
        var names = QueryNames.Of(sql.Value);
        var read = _tables.Keys.Where(names.Contains).Order(StringComparer.Ordinal).ToList();
        var remote = read.Where(_engineTables.ContainsKey).ToList();
        if (remote.Count == 0) return false;
        var engine = _engineTables[remote[0]].Relation.Source;
        var local = read.Where(t => !_engineTables.TryGetValue(t, out var e) || e.Relation.Source.ConnectionString != engine.ConnectionString).ToList();
        if (Data is not null && names.Contains(FrameTable)) local.Add($"{FrameTable} (the data so far)");
        string what = $"the query of line {sql.Line}";
        if (local.Count == 0)
        {
            var variable = _engineTables[remote[0]].Variable.Value;
            try
            {
                (result, var transfer) = EngineQuery.Run(engine, remote.ToDictionary(t => t, t => _engineTables[t].Relation), sql.Value, what);
                Steps.Add(new EngineTransferReport(what, variable, true, remote, transfer.Rows, transfer.Bytes));
            }
            catch (SqlException ex)
            {
                check.Add(StudyErrors.EngineSqlProblem(study.Source, sql.Line, variable, remote, StudyLines(StudySettings.Message(ex), firstLine)));
            }
            catch (DataException ex)
            {
                check.Add(StudyErrors.DataProblem(study.Source, sql.Line, StudySettings.Message(ex)));
            }
            return true;
        }
        string reason = $"{what} also reads {string.Join(", ", local.Select(t => _engineTables.ContainsKey(t) ? $"{t} (on another engine)" : t))}, " +
                        "so it runs in DuckDB";
        foreach (var name in remote.Where(t => !_engineTables[t].Fetched))
        {
            var table = _engineTables[name];
            try
            {
                var (frame, transfer) = table.Relation.Fetch($"table {name}");
                Session.Register(name, frame);
                table.Fetched = true;
                Steps.Add(new EngineTransferReport($"table {name}", table.Variable.Value, false, [name], transfer.Rows, transfer.Bytes) { Reason = reason });
            }
            catch (DataException ex)
            {
                check.Add(StudyErrors.DataProblem(study.Source, sql.Line, StudySettings.Message(ex)));
                return true;
            }
        }
        return false;
    }
}
