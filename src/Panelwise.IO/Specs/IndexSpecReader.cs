using System.Globalization;
using Panelwise.Methods.Indices;
using Panelwise.IO.Yaml;
using YamlDotNet.RepresentationModel;

namespace Panelwise.IO.Specs;

/// <summary>Reads an index specification from YAML into an <see cref="IndexSpec"/>. Keys are snake_case; every
/// error names the file and line. Example:
/// <code>
/// name: reic
/// label: 高技术产业韧性
/// method: entropy          # fixed | equal | entropy | critic (weights among this node's children)
/// scope: flat              # hierarchical (default) | flat
/// normalisation: { method: min_max, shift: 0.0001, reference: pooled }
/// panel: { id: province, time: year }
/// missing: interpolate
/// dimensions:
///   - name: fracture
///     label: 断裂韧性
///     indicators:
///       - { column: profit, direction: "+", label: 产业利润总额, unit: 万元 }
/// </code></summary>
public static class IndexSpecReader
{
    private static readonly string[] NodeKeys = ["name", "label", "method", "aggregation", "weight", "dimensions", "indicators"];
    private static readonly string[] RootKeys = [.. NodeKeys, "scope", "normalisation", "panel", "missing"];
    private static readonly string[] IndicatorKeys = ["column", "direction", "label", "unit", "weight"];
    private static readonly string[] NormalisationKeys = ["method", "shift", "reference", "base_year"];
    private static readonly string[] PanelKeys = ["id", "time"];

    /// <summary>Reads the spec file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecificationException">Invalid YAML, unknown keys or values; the message names file and line.</exception>
    public static IndexSpec Read(string path)
    {
        if (!File.Exists(path)) throw new SpecificationException($"Spec file {path} does not exist: check the path.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses spec text; <paramref name="source"/> names it in error messages.</summary>
    public static IndexSpec Parse(string yaml, string source)
    {
        var rootNode = YamlDocumentLoader.Load(yaml, out var problem);
        if (problem is not null) throw SpecFileErrors.Yaml(source, problem);
        if (rootNode is null) throw SpecFileErrors.Empty(source);
        var reader = new Reader(source);
        var root = reader.Mapping(rootNode, "the spec", RootKeys);
        var normalisation = root.TryGetValue("normalisation", out var n) ? reader.Normalisation(n) : new NormalisationOptions();
        var panel = root.TryGetValue("panel", out var p) ? reader.Mapping(p, "panel", PanelKeys) : [];
        return new IndexSpec
        {
            Root = reader.Node(rootNode, root),
            Normalisation = normalisation,
            Scope = reader.Choice(root, "scope", IndexVocabulary.Scopes, WeightingScope.Hierarchical),
            Missing = reader.Choice(root, "missing", IndexVocabulary.MissingPolicies, MissingValuePolicy.Error),
            UnitColumn = reader.Text(panel, "id"),
            TimeColumn = reader.Text(panel, "time"),
            Source = source,
        };
    }

    private sealed class Reader(string source)
    {
        private static long Line(YamlNode node) => node.Start.Line;

        public string Where(YamlNode node) => $"{source} line {Line(node)}";

        public Dictionary<string, YamlNode> Mapping(YamlNode node, string what, string[] allowed)
        {
            if (node is not YamlMappingNode map) throw SpecFileErrors.WrongShape(source, Line(node), what, "a mapping of key: value lines");
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                string name = key is YamlScalarNode scalar ? scalar.Value ?? "" : throw SpecFileErrors.WrongShape(source, Line(key), "a key", "a single word");
                if (!allowed.Contains(name)) throw SpecFileErrors.UnknownKey(source, Line(key), name, allowed);
                result[name] = value;
            }
            return result;
        }

        public string? Text(Dictionary<string, YamlNode> map, string key)
        {
            if (!map.TryGetValue(key, out var node)) return null;
            return node is YamlScalarNode s ? s.Value : throw SpecFileErrors.WrongShape(source, Line(node), key, "a single value (quote a lone sign: \"-\")");
        }

        public double? Number(Dictionary<string, YamlNode> map, string key)
        {
            var text = Text(map, key);
            if (text is null) return null;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw SpecFileErrors.NotANumber(source, Line(map[key]), key, text);
        }

        public T Choice<T>(Dictionary<string, YamlNode> map, string key, IReadOnlyDictionary<string, T> words, T fallback)
        {
            var text = Text(map, key);
            if (text is null) return fallback;
            return words.TryGetValue(text.Trim().ToLowerInvariant(), out var v) ? v
                : throw SpecFileErrors.BadValue(source, Line(map[key]), key, text, words.Keys);
        }

        public NormalisationOptions Normalisation(YamlNode node)
        {
            var map = Mapping(node, "normalisation", NormalisationKeys);
            return new NormalisationOptions
            {
                Method = Choice(map, "method", IndexVocabulary.Normalisations, NormalisationMethod.MinMax),
                Shift = Number(map, "shift") ?? 0,
                Reference = Choice(map, "reference", IndexVocabulary.References, ReferenceFrame.Pooled),
                BaseYear = Number(map, "base_year"),
            };
        }

        public IndexNode Node(YamlNode node, Dictionary<string, YamlNode> map) => new()
        {
            Name = Text(map, "name") ?? throw SpecFileErrors.Missing(source, Line(node), "name", "every index and dimension"),
            Label = Text(map, "label"),
            Method = Choice(map, "method", IndexVocabulary.Methods, WeightingMethod.Entropy),
            Aggregation = Choice(map, "aggregation", IndexVocabulary.Aggregations, Aggregation.WeightedSum),
            Weight = Number(map, "weight"),
            Children = Sequence(map, "dimensions").Select(n => Node(n, Mapping(n, "a dimension", NodeKeys))).ToList(),
            Indicators = Sequence(map, "indicators").Select(Indicator).ToList(),
            Origin = Where(node),
        };

        private IndicatorSpec Indicator(YamlNode node)
        {
            var map = Mapping(node, "an indicator", IndicatorKeys);
            return new IndicatorSpec
            {
                Column = Text(map, "column") ?? throw SpecFileErrors.Missing(source, Line(node), "column", "every indicator"),
                Direction = Choice(map, "direction", IndexVocabulary.Directions, Direction.Positive),
                Label = Text(map, "label"),
                Unit = Text(map, "unit"),
                Weight = Number(map, "weight"),
                Origin = Where(node),
            };
        }

        private IEnumerable<YamlNode> Sequence(Dictionary<string, YamlNode> map, string key)
        {
            if (!map.TryGetValue(key, out var node)) return [];
            return node is YamlSequenceNode seq ? seq.Children : throw SpecFileErrors.WrongShape(source, Line(node), key, "a list (lines starting with '- ')");
        }
    }
}
