using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

public static partial class StudyFileReader
{
    /// <summary>The keys of <see cref="PresentationDefinition"/> (language, text, rename, digits; listed in RootKeys and
    /// TableKeys) at the root or in a table.</summary>
    private static PresentationDefinition Presentation(StudyYaml y, Dictionary<string, YamlNode> map) => new()
    {
        Language = y.Located(map, "language"),
        Text = LocatedPairs(y, map, "text"),
        Rename = LocatedPairs(y, map, "rename"),
        Digits = y.Integer(map, "digits"),
    };

    private static List<(Located<string>, Located<string>)> LocatedPairs(StudyYaml y, Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node)
            ? y.Pairs(node, key).Select(p => (p.Key, y.Scalar(p.Value, p.Key.Value))).Where(p => p.Item2 is not null)
                .Select(p => (p.Key, p.Item2!)).ToList()
            : [];
}
