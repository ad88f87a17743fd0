using System.Globalization;
using System.Text.RegularExpressions;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Sql;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>Runs the <c>data</c> sources in file order: plain files are read and left-joined (<see cref="StudyJoin"/>),
/// files with <c>as</c> are loaded as DuckDB tables, <c>classify</c> adds a 0/1 column to such a table, and a query's
/// result is the base frame or is left-joined like a file. Before each query the frame assembled so far is copied
/// into DuckDB as table <c>frame</c>. An engine source with <c>as</c> stays on its engine, and classifications and
/// queries over it run there (see StudySources.Engines.cs). A DuckDB session is opened only when a source needs one. Problems go to the
/// checker with the study line; after a failed source the later frame steps and all queries are skipped (only the cause is
/// reported), but named tables are still loaded so that their own problems show.</summary>
internal sealed partial class StudySources(StudyDefinition study, Checker check) : IDisposable
{
    /// <summary>The name under which queries see the data assembled so far.</summary>
    public const string FrameTable = "frame";

    private SqlSession? _session;
    private readonly Dictionary<string, long> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _failedTables = new(StringComparer.OrdinalIgnoreCase);

    public Frame? Data { get; private set; }
    public List<string> Paths { get; } = [];

    /// <summary>What each classification did, for the data-handling report, results.json and the notes.</summary>
    public List<DataStepReport> Steps { get; } = [];

    private SqlSession Session => _session ??= new SqlSession();

    /// <summary>The panel's id and time: identifiers, never marked synthetic.</summary>
    private readonly string[] _panelKeys = study.Panel is var (id, time) ? [id.Value, time.Value] : [];

    public void Run()
    {
        bool failed = false;
        int problemsBefore = check.Problems.Count;
        foreach (var source in study.Data)
        {
            if (source.Classify is { } rule) Classify(rule);
            else if (source.As is { } table && source.Engine is { } engine) LoadEngine(source, table, engine);
            else if (source.As is { } name) Load(source, name);
            else if (source.Sql is not null && check.Problems.Count > problemsBefore)
            {
                // A query over a table that failed to load or classify would only repeat the cause in DuckDB's words.
                failed = true;
            }
            else if (!failed)
            {
                var frame = source.Sql is { } sql ? Query(sql, source.SqlFirstLine) : Read(source);
                if (frame is not null)
                {
                    check.MarkSynthetic(frame, source, _panelKeys);
                    Data = Data is null ? frame : StudyJoin.Left(Data, frame, source, check);
                }
                failed = Data is null || frame is null;
            }
            else if (source.File is not null) Read(source);
        }
        if (failed) Data = null;
    }

    public void Dispose() => _session?.Dispose();

    private Frame? Read(DataDefinition source)
    {
        if (source.Engine is { } engine) return ReadEngine(source, engine);
        string path = Path.Combine(study.Directory, source.File!.Value);
        Paths.Add(path);
        try
        {
            return DataReader.Read(path, Options(source));
        }
        catch (Exception ex) when (ex is DataException or IOException or UnauthorizedAccessException)
        {
            check.Add(StudyErrors.DataProblem(study.Source, source.File.Line, StudySettings.Message(ex)));
            return null;
        }
    }

    /// <summary>An engine source: the URL comes from the environment at run time and is never recorded (no path, no hash).</summary>
    private Frame? ReadEngine(DataDefinition source, Located<string> variable)
    {
        string? url = Environment.GetEnvironmentVariable(variable.Value);
        if (IO.Engines.DuckSource.IsDuckUrl(url)) return ReadDuck(source, variable, url!);
        if (Engine(source, variable) is not { } engine) return null;
        try
        {
            var (frame, transfer) = IO.Engines.EngineReader.ReadCounted(engine, Options(source));
            Steps.Add(new EngineTransferReport($"the engine source of line {variable.Line}", variable.Value, false, [], transfer.Rows, transfer.Bytes));
            return frame;
        }
        catch (DataException ex)
        {
            check.Add(StudyErrors.DataProblem(study.Source, variable.Line, StudySettings.Message(ex)));
            return null;
        }
    }

    /// <summary>A table or query of a DuckDB database named by the variable: read through DuckDB (push-down of the data
    /// step, <c>as</c>, is for PostgreSQL-protocol engines).</summary>
    private Frame? ReadDuck(DataDefinition source, Located<string> variable, string url)
    {
        try
        {
            return DataReader.Read(SourceUrl(source, url), Options(source));
        }
        catch (DataException ex)
        {
            check.Add(StudyErrors.DataProblem(study.Source, variable.Line, StudySettings.Message(ex)));
            return null;
        }
    }

    private void Load(DataDefinition source, Located<string> name)
    {
        string path = Path.Combine(study.Directory, source.File!.Value);
        Paths.Add(path);
        if (!NewTable(source, name)) return;
        try
        {
            Session.Load(name.Value, path, Options(source));
        }
        catch (Exception ex) when (ex is DataException or SqlException or IOException or UnauthorizedAccessException)
        {
            check.Add(StudyErrors.DataProblem(study.Source, source.File.Line, StudySettings.Message(ex)));
            _failedTables.Add(name.Value);
        }
    }

    /// <summary>Checks and records a new table name (<c>as</c>); false when it cannot be used.</summary>
    private bool NewTable(DataDefinition source, Located<string> name)
    {
        if (!Name(name, "a table name ('as')")) return false;
        if (string.Equals(name.Value, FrameTable, StringComparison.OrdinalIgnoreCase))
        {
            check.Add(StudyErrors.TableNameTaken(study.Source, name.Line, name.Value, "the data assembled so far (queries read it as 'frame')"));
            return false;
        }
        if (_tables.TryGetValue(name.Value, out long first))
        {
            check.Add(StudyErrors.TableNameTaken(study.Source, name.Line, name.Value, $"used on line {first}"));
            return false;
        }
        _tables[name.Value] = name.Line;
        if (source.Synthetic == true) check.SyntheticTables.Add(name.Value);
        return true;
    }

    private void Classify(ClassifyDefinition rule)
    {
        if (!_tables.ContainsKey(rule.Table.Value))
        {
            check.Add(StudyErrors.UnknownTable(study.Source, rule.Table.Line, rule.Table.Value, _tables.Keys.ToList()));
            return;
        }
        if (_failedTables.Contains(rule.Table.Value) || !Name(rule.Into, "a column name ('into')")) return;
        var keywords = new KeywordRule(rule.Table.Value, rule.Text.Value, rule.Into.Value, rule.Keywords.Select(k => k.Value).ToList())
        {
            Exclude = rule.Exclude.Select(k => k.Value).ToList(),
        };
        if (_engineTables.ContainsKey(rule.Table.Value))
        {
            ClassifyOnEngine(rule, keywords);
            return;
        }
        try
        {
            Steps.Add(new ClassificationReport(keywords, Session.Classify(keywords)));
        }
        catch (SqlException ex)
        {
            check.Add(StudyErrors.ClassifyProblem(study.Source, rule.Line, StudySettings.Message(ex)));
            _failedTables.Add(rule.Table.Value);
        }
    }

    private Frame? Query(Located<string> sql, long? firstLine)
    {
        try
        {
            if (OnEngine(sql, firstLine, out var result)) return result;
            // Copied afresh for every query: an earlier query may have changed or dropped table frame.
            if (Data is not null) Session.Register(FrameTable, Data);
            return Session.Query(sql.Value, $"the query of line {sql.Line}");
        }
        catch (SqlException ex)
        {
            var tables = _tables.Keys.Order(StringComparer.Ordinal).ToList();
            if (Data is not null) tables.Add($"{FrameTable} (the data so far)");
            check.Add(StudyErrors.SqlProblem(study.Source, sql.Line, StudyLines(StudySettings.Message(ex), firstLine), tables));
        }
        catch (DataException ex)
        {
            check.Add(StudyErrors.DataProblem(study.Source, sql.Line, StudySettings.Message(ex)));
        }
        return null;
    }

    /// <summary>DuckDB's "LINE 2:" (the query's own line) with the study line added, "LINE 2 (study line 14):", and
    /// its caret line shifted to stay under the offending token.</summary>
    private static string StudyLines(string message, long? firstLine)
    {
        if (firstLine is not { } first) return message;
        var lines = message.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var match = QueryLine().Match(lines[i]);
            if (!match.Success) continue;
            long line = first + long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            string label = $"LINE {match.Groups[1].Value} (study line {line}):";
            lines[i] = label + lines[i][match.Length..];
            if (i + 1 < lines.Length && lines[i + 1].TrimStart() == "^") lines[i + 1] = new string(' ', label.Length - match.Length) + lines[i + 1];
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^LINE (\d+):")]
    private static partial Regex QueryLine();

    private bool Name(Located<string> name, string what)
    {
        if (Session.IsUsableName(name.Value)) return true;
        check.Add(StudyErrors.BadSqlName(study.Source, name.Line, name.Value, what));
        return false;
    }

    private static ReadOptions Options(DataDefinition source) =>
        new() { Sheet = source.Sheet, NaStrings = [.. ReadOptions.DefaultNaStrings, .. source.Na] };
}
