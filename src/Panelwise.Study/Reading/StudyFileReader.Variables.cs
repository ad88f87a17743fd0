using System.Globalization;
using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>The <c>variables</c> entries (expressions and transforms).</summary>
public static partial class StudyFileReader
{
    private static readonly string[] VariableKeys = ["winsor", "interpolate", "group", "map", "convert", "p", "top", "by", "values", "from", "to", "classify_units"];

    /// <summary><c>name: expression</c>, or <c>name: { winsor: x, p: 0.01 }</c>, <c>{ interpolate: x }</c>,
    /// <c>{ group: x, top: 30, by: year }</c>, <c>{ map: province, values: { 东部: [北京, 上海] } }</c>,
    /// <c>{ convert: x, from: 万元, to: 亿元 }</c>, <c>{ classify_units: [a, b], id: unit, k: 3 }</c>.</summary>
    private static VariableDefinition? Variable(StudyYaml y, Located<string> name, YamlNode node)
    {
        if (node is YamlScalarNode)
            return y.Scalar(node, name.Value) is { } expression ? new VariableDefinition(name, VariableDefinition.Expression, expression) : null;
        // A classify_units entry has keys of its own (those of the group command), listed when one is unknown.
        bool classify = node is YamlMappingNode entry && entry.Children.Keys.Any(k => k is YamlScalarNode { Value: VariableDefinition.ClassifyUnits });
        var map = classify ? y.Mapping(node, $"classify_units variable '{name.Value}'", UnitClassificationKeys)
            : y.Mapping(node, $"variable '{name.Value}'", VariableKeys);
        if (map.Count == 0 && node is not YamlMappingNode) return null;
        var kinds = VariableDefinition.Transforms.Where(map.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            y.Problems.Add(StudyErrors.VariableKind(y.Source, StudyYaml.Line(node), name.Value));
            return null;
        }
        string kind = kinds[0];
        if (kind == VariableDefinition.ClassifyUnits) return ClassifyUnits(y, name, map, node);
        if (kind == VariableDefinition.Group && (map[kind] is YamlSequenceNode || map.ContainsKey("id")))
        {
            // The group command's habit (indicators and a unit id) under the transform's key: point to the right one.
            y.Problems.Add(StudyErrors.GroupIsNotClassifyUnits(y.Source, StudyYaml.Line(map[kind]), name.Value));
            return null;
        }
        var source = y.Located(map, kind);
        if (source is null) return null;
        foreach (var key in map.Keys.Where(k => k != kind && !Applies(kind, k)))
            y.Problems.Add(StudyErrors.OptionNotForKind(y.Source, StudyYaml.Line(map[key]), key, kind, name.Value));
        var variable = new VariableDefinition(name, kind, source);
        switch (kind)
        {
            case VariableDefinition.Winsor:
                if (Share(y, map, "p", "p (the share cut in each tail)", 0, 0.5) is { } p) variable = variable with { P = p };
                break;
            case VariableDefinition.Group:
                y.Require(map, node, "top", $"group variable '{name.Value}'");
                if (Share(y, map, "top", "top (a percentage)", 0, 100) is { } top) variable = variable with { Top = top };
                variable = variable with { By = y.Located(map, "by") };
                break;
            case VariableDefinition.Map:
                y.Require(map, node, "values", $"map variable '{name.Value}'");
                if (map.TryGetValue("values", out var values)) variable = variable with { Groups = Groups(y, values) };
                break;
            case VariableDefinition.Convert:
                y.Require(map, node, "from", $"convert variable '{name.Value}'");
                y.Require(map, node, "to", $"convert variable '{name.Value}'");
                variable = variable with { From = y.Located(map, "from"), To = y.Located(map, "to") };
                break;
        }
        return variable;
    }

    private static bool Applies(string kind, string key) => (kind, key) switch
    {
        (VariableDefinition.Winsor, "p") => true,
        (VariableDefinition.Group, "top" or "by") => true,
        (VariableDefinition.Map, "values") => true,
        (VariableDefinition.Convert, "from" or "to") => true,
        _ => false,
    };

    /// <summary>A number strictly between <paramref name="low"/> and <paramref name="high"/>.</summary>
    private static double? Share(StudyYaml y, Dictionary<string, YamlNode> map, string key, string what, double low, double high)
    {
        var text = y.Located(map, key);
        if (text is null) return null;
        if (double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > low && v < high) return v;
        y.Problems.Add(StudyErrors.OutOfRange(y.Source, text.Line, what,
            $"between {low.ToString(CultureInfo.InvariantCulture)} and {high.ToString(CultureInfo.InvariantCulture)}", text.Value));
        return null;
    }

    /// <summary><c>values: { 东部: [北京, 上海], 中部: [山西] }</c>: each group's members, in file order.</summary>
    private static List<(string, IReadOnlyList<string>)> Groups(StudyYaml y, YamlNode node)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var (group, members) in y.Pairs(node, "values"))
        {
            if (members is YamlSequenceNode seq)
                result.Add((group.Value, seq.Children.Select(m => y.Scalar(m, group.Value)?.Value).OfType<string>().ToList()));
            else y.Problems.Add(StudyErrors.WrongShape(y.Source, StudyYaml.Line(members), group.Value, "a list of values ([a, b, c])"));
        }
        return result;
    }
}
