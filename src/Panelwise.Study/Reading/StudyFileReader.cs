using System.Globalization;
using Panelwise.Study.Definition;
using Panelwise.IO.Yaml;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>Reads a study file (YAML, UTF-8, snake_case keys) into a <see cref="StudyDefinition"/>, reporting every
/// shape problem at once with its file and line. Schema: schema/study.schema.json; example: examples/grunfeld-study.</summary>
public static partial class StudyFileReader
{
    private static readonly string[] RootKeys = ["title", "data", "panel", "variables", "indices", "labels", "stamp", "tables", "plots", "synthetic", "language", "text", "rename", "digits"];
    private static readonly string[] PanelKeys = ["id", "time"];
    private static readonly string[] IndexKeys = ["spec", "if"];
    private static readonly string[] TableKeys = ["name", "title", "columns", "descriptive", "correlation", "vif", "controls",
        "statistics", "tests", "notes", "bracket", "decimals", "stars", "stamp", "mediate", "compare", "multiverse", "language", "text", "rename", "digits"];
    private static readonly string[] ColumnKeys = ["formula", "vcov", "model", "estimator", "if", "weights", "title", "tests", "match", "panels", "corr", "small"];
    private static readonly string[] DescriptiveKeys = ["variables", "statistics", "if"];
    private static readonly string[] SummaryKeys = ["variables", "if"];
    private static readonly string[] PlotsKeys = ["trend", "trend_title"];

    public static StudyDefinition Read(string path)
    {
        if (!File.Exists(path)) throw new StudyException([$"Study file {path} does not exist: check the path."]);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses study text; <paramref name="source"/> is its path (messages, relative paths).</summary>
    /// <exception cref="StudyException">Every problem found, each with file and line.</exception>
    public static StudyDefinition Parse(string yaml, string source)
    {
        var rootNode = YamlDocumentLoader.Load(yaml, out var problem);
        if (problem is not null) throw new StudyException([StudyErrors.Yaml(source, problem)]);
        if (rootNode is null) throw new StudyException([StudyErrors.Empty(source)]);
        var y = new StudyYaml(source);
        var root = y.Mapping(rootNode, "the study", RootKeys);
        y.Require(root, rootNode, "data", "a study");
        y.Require(root, rootNode, "tables", "a study");
        var definition = new StudyDefinition
        {
            Source = source,
            Title = y.Text(root, "title") ?? "",
            Data = root.TryGetValue("data", out var data) ? Sources(y, data) : [],
            Panel = root.TryGetValue("panel", out var panel) ? Panel(y, panel) : null,
            Variables = root.TryGetValue("variables", out var vars)
                ? y.Pairs(vars, "variables").Select(p => Variable(y, p.Key, p.Value)).OfType<VariableDefinition>().ToList()
                : [],
            Indices = y.Sequence(root, "indices").Select(n => Index(y, n)).OfType<IndexDefinition>().ToList(),
            Labels = root.TryGetValue("labels", out var labels)
                ? y.Pairs(labels, "labels").Select(p => (p.Key, y.Scalar(p.Value, p.Key.Value)?.Value ?? "")).ToList()
                : [],
            Stamp = y.Boolean(root, "stamp"),
            Tables = y.Sequence(root, "tables").Select(n => Table(y, n)).OfType<TableDefinition>().ToList(),
            Plots = root.TryGetValue("plots", out var plots) ? Plots(y, plots) : null,
            Synthetic = root.ContainsKey("synthetic") ? y.Words(root, "synthetic") : null,
            Presentation = Presentation(y, root),
        };
        if (y.Problems.Count > 0) throw new StudyException(y.Problems);
        return definition;
    }

    private static (Located<string>, Located<string>)? Panel(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "panel", PanelKeys);
        y.Require(map, node, "id", "panel");
        y.Require(map, node, "time", "panel");
        return y.Located(map, "id") is { } id && y.Located(map, "time") is { } time ? (id, time) : null;
    }

    private static IndexDefinition? Index(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "an index", IndexKeys);
        y.Require(map, node, "spec", "an index");
        return y.Located(map, "spec") is { } spec ? new IndexDefinition(spec, y.Located(map, "if")) : null;
    }

    private static PlotsDefinition Plots(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "plots", PlotsKeys);
        return new PlotsDefinition(y.Words(map, "trend"), y.Text(map, "trend_title") ?? "", StudyYaml.Line(node));
    }

    private static TableDefinition? Table(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a table", TableKeys);
        y.Require(map, node, "name", "every table");
        var name = y.Located(map, "name");
        if (name is null) return null;
        SummaryDefinition? summary = null;
        int kinds = 0;
        foreach (var (key, kind) in new[] { ("descriptive", SummaryKind.Descriptive), ("correlation", SummaryKind.Correlation), ("vif", SummaryKind.Vif) })
        {
            if (!map.TryGetValue(key, out var block)) continue;
            kinds++;
            var b = y.Mapping(block, key, kind == SummaryKind.Descriptive ? DescriptiveKeys : SummaryKeys);
            y.Require(b, block, "variables", $"a {key} block");
            summary = new SummaryDefinition(kind, y.Words(b, "variables"), y.Words(b, "statistics"), y.Located(b, "if"), StudyYaml.Line(block));
        }
        if (map.ContainsKey("columns")) kinds++;
        var mediation = map.TryGetValue("mediate", out var mediate) ? Mediation(y, mediate) : null;
        if (mediation is not null) kinds++;
        var compare = map.TryGetValue("compare", out var compareNode) ? Compare(y, compareNode) : null;
        if (compare is not null) kinds++;
        var multiverse = map.TryGetValue("multiverse", out var multiverseNode) ? Multiverse(y, multiverseNode) : null;
        if (multiverse is not null) kinds++;
        if (kinds != 1) y.Problems.Add(StudyErrors.TableKind(y.Source, StudyYaml.Line(node), name.Value));
        return new TableDefinition
        {
            Name = name,
            Title = y.Text(map, "title") ?? "",
            Columns = y.Sequence(map, "columns").Select(n => Column(y, n)).OfType<FitColumnDefinition>().ToList(),
            Summary = summary,
            Mediate = mediation,
            Compare = compare,
            Multiverse = multiverse,
            Controls = y.Words(map, "controls"),
            Statistics = y.Words(map, "statistics"),
            Tests = y.Words(map, "tests"),
            Stamp = y.Boolean(map, "stamp"),
            Notes = y.Words(map, "notes").Select(w => w.Value).ToList(),
            Bracket = y.Located(map, "bracket"),
            Decimals = y.Integer(map, "decimals"),
            Stars = map.TryGetValue("stars", out var stars) ? Stars(y, stars) : null,
            Presentation = Presentation(y, map),
            Line = StudyYaml.Line(node),
        };
    }

    private static FitColumnDefinition? Column(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a column", ColumnKeys);
        y.Require(map, node, "formula", "every column");
        var formula = y.Located(map, "formula");
        if (formula is null) return null;
        return new FitColumnDefinition
        {
            Formula = formula,
            Vcov = y.Located(map, "vcov"),
            Model = y.Located(map, "model"),
            Estimator = y.Located(map, "estimator"),
            If = y.Located(map, "if"),
            Weights = y.Located(map, "weights"),
            Tests = y.Words(map, "tests"),
            Title = y.Text(map, "title"),
            Match = map.TryGetValue("match", out var match) ? Match(y, match) : null,
            Panels = y.Located(map, "panels"),
            Corr = y.Located(map, "corr"),
            Small = y.Boolean(map, "small"),
            Line = StudyYaml.Line(node),
        };
    }

    /// <summary><c>stars: { "*": 0.1, "**": 0.05, "***": 0.01 }</c>.</summary>
    private static IReadOnlyList<(string, double)> Stars(StudyYaml y, YamlNode node)
    {
        var result = new List<(string, double)>();
        foreach (var (symbol, value) in y.Pairs(node, "stars"))
        {
            var text = y.Scalar(value, symbol.Value);
            if (text is null) continue;
            if (double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double level) && level is > 0 and < 1)
                result.Add((symbol.Value, level));
            else y.Problems.Add(StudyErrors.NotANumber(y.Source, text.Line, $"star level of '{symbol.Value}' (between 0 and 1)", text.Value));
        }
        return result;
    }
}
