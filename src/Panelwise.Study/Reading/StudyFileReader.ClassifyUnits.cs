using System.Globalization;
using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>The <c>classify_units</c> variable: <c>name: { classify_units: [a, b, c], id: industry_id, method: kmeans,
/// k: 3, pca: auto, labels: [..], seed: 12345, compare_with: [position] }</c>, the study form of <c>panelwise group</c>. The key differs from
/// the <c>group</c> transform (a top-percentage 0/1 column) on purpose.</summary>
public static partial class StudyFileReader
{
    private static readonly string[] UnitClassificationKeys = ["classify_units", "id", "method", "k", "pca", "labels", "seed", "compare_with"];

    private static readonly string[] ClusteringMethods = ["kmeans", "k-means", "ward"];

    private static VariableDefinition? ClassifyUnits(StudyYaml y, Located<string> name, Dictionary<string, YamlNode> map, YamlNode node)
    {
        string what = $"classify_units variable '{name.Value}'";
        y.Require(map, node, "id", what);
        var indicators = y.Words(map, "classify_units");
        var line = StudyYaml.Line(map["classify_units"]);
        if (indicators.Count == 0 && map["classify_units"] is YamlSequenceNode)
            y.Problems.Add(StudyErrors.WrongShape(y.Source, line, "classify_units", "a list of at least one indicator column ([a, b, c])"));
        var definition = new UnitClassificationDefinition(indicators, y.Located(map, "id"));
        if (y.Located(map, "method") is { } method)
        {
            if (ClusteringMethods.Contains(method.Value)) definition = definition with { Method = method };
            else y.Problems.Add(StudyErrors.BadWord(y.Source, method.Line, "method", method.Value, ClusteringMethods));
        }
        if (y.Located(map, "k") is { } k)
        {
            if (int.TryParse(k.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int groups) && groups >= 1) definition = definition with { K = groups };
            else y.Problems.Add(StudyErrors.OutOfRange(y.Source, k.Line, "k (the number of groups)", "of at least 1 (a whole number)", k.Value));
        }
        if (y.Located(map, "pca") is { } pca)
        {
            if (pca.Value == "auto") definition = definition with { Pca = 0 };
            else if (int.TryParse(pca.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1) definition = definition with { Pca = n };
            else y.Problems.Add(StudyErrors.WrongShape(y.Source, pca.Line, "pca", "auto (components with eigenvalue > 1) or a number of components (1, 2, ...)"));
        }
        if (map.ContainsKey("labels")) definition = definition with { Labels = y.Words(map, "labels") };
        if (y.Integer(map, "seed") is int seed) definition = definition with { Seed = seed };
        if (map.TryGetValue("compare_with", out var given))
            definition = definition with
            {
                CompareWith = given is YamlScalarNode && y.Located(map, "compare_with") is { } one ? [one] : y.Words(map, "compare_with"),
            };
        var source = new Located<string>(string.Join(", ", indicators.Select(i => i.Value)), line);
        return new VariableDefinition(name, VariableDefinition.ClassifyUnits, source) { Classification = definition };
    }
}
