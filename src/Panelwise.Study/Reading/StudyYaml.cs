using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>Reads YAML nodes of a study file, recording a problem (with file and line) for each unknown key or wrong
/// shape instead of stopping, so that the user sees every mistake at once.</summary>
internal sealed class StudyYaml(string source)
{
    public string Source { get; } = source;

    public List<string> Problems { get; } = [];

    public static long Line(YamlNode node) => node.Start.Line;

    /// <summary>The mapping's entries with allowed keys; unknown keys are reported and skipped.</summary>
    public Dictionary<string, YamlNode> Mapping(YamlNode node, string what, string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            Problems.Add(StudyErrors.WrongShape(Source, Line(node), what, "a mapping of key: value lines"));
            return result;
        }
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Problems.Add(StudyErrors.WrongShape(Source, Line(key), "a key", "a single word, not a list or mapping"));
                continue;
            }
            if (!allowed.Contains(name)) Problems.Add(StudyErrors.UnknownKey(Source, Line(key), name, what, allowed));
            else result[name] = value;
        }
        return result;
    }

    /// <summary>Every key: value pair of a mapping whose keys are free (variables, labels), in file order.</summary>
    public List<(Definition.Located<string> Key, YamlNode Value)> Pairs(YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            Problems.Add(StudyErrors.WrongShape(Source, Line(node), what, "a mapping of name: value lines"));
            return [];
        }
        return map.Children.Select(p => (new Definition.Located<string>((p.Key as YamlScalarNode)?.Value ?? "", Line(p.Key)), p.Value)).ToList();
    }

    public string? Text(Dictionary<string, YamlNode> map, string key) => Located(map, key)?.Value;

    public Definition.Located<string>? Located(Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node)) return null;
        return Scalar(node, key);
    }

    public Definition.Located<string>? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value }) return new(value, Line(node));
        Problems.Add(StudyErrors.WrongShape(Source, Line(node), key, "a single value"));
        return null;
    }

    public int? Integer(Dictionary<string, YamlNode> map, string key)
    {
        var text = Located(map, key);
        if (text is null) return null;
        if (int.TryParse(text.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0) return v;
        Problems.Add(StudyErrors.NotANumber(Source, text.Line, key, text.Value));
        return null;
    }

    /// <summary>A yes/no value written as true or false.</summary>
    public bool? Boolean(Dictionary<string, YamlNode> map, string key)
    {
        var text = Located(map, key);
        if (text is null) return null;
        if (text.Value is "true" or "false") return text.Value == "true";
        Problems.Add(StudyErrors.WrongShape(Source, text.Line, key, "true or false"));
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node)) return [];
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        Problems.Add(StudyErrors.WrongShape(Source, Line(node), key, "a list (lines starting with '- ', or [a, b])"));
        return [];
    }

    /// <summary>A list of single values, e.g. <c>[inv, value]</c>.</summary>
    public IReadOnlyList<Definition.Located<string>> Words(Dictionary<string, YamlNode> map, string key) =>
        Sequence(map, key).Select(n => Scalar(n, key)).OfType<Definition.Located<string>>().ToList();

    public void Require(Dictionary<string, YamlNode> map, YamlNode node, string key, string what)
    {
        if (!map.ContainsKey(key)) Problems.Add(StudyErrors.Missing(Source, Line(node), key, what));
    }
}
