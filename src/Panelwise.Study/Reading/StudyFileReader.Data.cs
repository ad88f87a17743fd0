using Panelwise.Study.Definition;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>The <c>data</c> sources: files, files loaded as named DuckDB tables (<c>as</c>), queries (<c>sql</c>)
/// and keyword classifications (<c>classify</c>).</summary>
public static partial class StudyFileReader
{
    private static readonly string[] FileKeys = ["file", "sheet", "na", "join", "as", "synthetic"];
    private static readonly string[] SqlKeys = ["sql", "join", "synthetic"];
    private static readonly string[] ClassifyKeys = ["classify", "text", "into", "keywords", "exclude"];
    private static readonly string[] EngineKeys = ["engine", "table", "query", "as", "join", "synthetic"];
    private static readonly string[] SourceKinds = ["file", "sql", "classify", "engine"];

    /// <summary><c>data: { file: a.csv }</c> or a list of sources: <c>{ file: b.csv, join: [id, year] }</c>,
    /// <c>{ file: r.csv.gz, as: registry }</c>, <c>{ classify: registry, text: t, into: x, keywords: [..] }</c>,
    /// <c>{ sql: SELECT .., join: [..] }</c>. The first file without <c>as</c> or query is the base frame.</summary>
    private static List<DataDefinition> Sources(StudyYaml y, YamlNode node)
    {
        var nodes = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (nodes.Count == 0) y.Problems.Add(StudyErrors.WrongShape(y.Source, StudyYaml.Line(node), "data", "a file ({ file: a.csv }) or a list of files"));
        var result = new List<DataDefinition>();
        bool based = false;
        foreach (var item in nodes)
        {
            long line = StudyYaml.Line(item);
            var kinds = item is YamlMappingNode m
                ? SourceKinds.Where(k => m.Children.Keys.Any(key => (key as YamlScalarNode)?.Value == k)).ToList()
                : [];
            if (kinds.Count > 1)
            {
                y.Problems.Add(StudyErrors.SourceKind(y.Source, line));
                continue;
            }
            var source = kinds.FirstOrDefault() switch
            {
                "sql" => SqlSource(y, item, line),
                "classify" => ClassifySource(y, item, line),
                "engine" => EngineSource(y, item, line),
                _ => FileSource(y, item, line),
            };
            if (source is null) continue;
            if (source.FeedsFrame)
            {
                if (!based && source.Join.Count > 0) y.Problems.Add(StudyErrors.FirstSourceJoin(y.Source, line, source.Display));
                if (based && source.Join.Count == 0) y.Problems.Add(StudyErrors.JoinKeysMissing(y.Source, line, source.Display));
                based = true;
            }
            result.Add(source);
        }
        if (nodes.Count > 0 && !based && y.Problems.Count == 0) y.Problems.Add(StudyErrors.NoBaseSource(y.Source, StudyYaml.Line(node)));
        return result;
    }

    private static DataDefinition? FileSource(StudyYaml y, YamlNode node, long line)
    {
        var map = y.Mapping(node, "a data file source", FileKeys);
        var file = y.Located(map, "file");
        if (file is null) { y.Require(map, node, "file", "data"); return null; }
        var name = y.Located(map, "as");
        var join = y.Words(map, "join");
        if (name is not null && join.Count > 0) y.Problems.Add(StudyErrors.NamedTableJoin(y.Source, line, file.Value, name.Value));
        return new DataDefinition
        {
            File = file, Sheet = y.Text(map, "sheet"), Na = y.Words(map, "na").Select(w => w.Value).ToList(),
            As = name, Join = name is null ? join : [], Line = line, Synthetic = y.Boolean(map, "synthetic"),
        };
    }

    private static DataDefinition? SqlSource(StudyYaml y, YamlNode node, long line)
    {
        var map = y.Mapping(node, "a query source (sql)", SqlKeys);
        var sql = y.Located(map, "sql");
        if (sql is null) return null;
        if (string.IsNullOrWhiteSpace(sql.Value)) y.Problems.Add(StudyErrors.WrongShape(y.Source, sql.Line, "sql", "a query (SELECT ...)"));
        long? first = map["sql"] switch
        {
            YamlScalarNode { Style: ScalarStyle.Literal } => sql.Line + 1,
            _ when !sql.Value.Contains('\n') => sql.Line,
            _ => null,
        };
        return new DataDefinition { Sql = sql, SqlFirstLine = first, Join = y.Words(map, "join"), Line = line, Synthetic = y.Boolean(map, "synthetic") };
    }

    /// <summary><c>{ engine: PANEL_DB, table: panel }</c> or <c>{ engine: PANEL_DB, query: SELECT ... }</c>: a table or
    /// query on a PostgreSQL-protocol engine whose postgresql://user:password@host:port/db URL is in the environment
    /// variable named by <c>engine</c>, so that the connection string is never in the study file or its outputs. With
    /// <c>as: NAME</c> the relation stays on the engine as a named table for later <c>classify</c> and <c>sql</c> sources.</summary>
    private static DataDefinition? EngineSource(StudyYaml y, YamlNode node, long line)
    {
        var map = y.Mapping(node, "an engine source (engine)", EngineKeys);
        var variable = y.Located(map, "engine");
        var table = y.Located(map, "table");
        var query = y.Located(map, "query");
        if (variable is null) return null;
        if (table is null == query is null)
        {
            y.Problems.Add(StudyErrors.WrongShape(y.Source, line, "engine", "one of table: NAME or query: SELECT ... next to engine: VARIABLE"));
            return null;
        }
        var name = y.Located(map, "as");
        var join = y.Words(map, "join");
        if (name is not null && join.Count > 0)
            y.Problems.Add(StudyErrors.NamedTableJoin(y.Source, line, $"the engine {(table is not null ? "table " + table.Value : "query")}", name.Value));
        return new DataDefinition
        {
            Engine = variable, EngineTable = table?.Value, EngineQuery = query?.Value, As = name, Join = name is null ? join : [], Line = line,
            Synthetic = y.Boolean(map, "synthetic"),
        };
    }

    private static DataDefinition? ClassifySource(StudyYaml y, YamlNode node, long line)
    {
        var map = y.Mapping(node, "a keyword classification (classify)", ClassifyKeys);
        foreach (var key in new[] { "text", "into", "keywords" }) y.Require(map, node, key, "classify");
        var table = y.Located(map, "classify");
        var text = y.Located(map, "text");
        var into = y.Located(map, "into");
        var keywords = y.Words(map, "keywords");
        var exclude = y.Words(map, "exclude");
        if (map.ContainsKey("keywords") && keywords.Count == 0)
            y.Problems.Add(StudyErrors.NoKeywords(y.Source, StudyYaml.Line(map["keywords"])));
        foreach (var word in keywords.Concat(exclude).Where(w => w.Value.Length == 0))
            y.Problems.Add(StudyErrors.EmptyKeyword(y.Source, word.Line));
        if (table is null || text is null || into is null || keywords.Count == 0) return null;
        return new DataDefinition { Classify = new ClassifyDefinition(table, text, into, keywords, exclude, line), Line = line };
    }
}
