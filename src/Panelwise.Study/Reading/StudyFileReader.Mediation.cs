using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

public static partial class StudyFileReader
{
    private static readonly string[] MediateKeys = ["y", "x", "m", "controls", "fe", "vcov", "bootstrap", "seed"];

    /// <summary><c>mediate: { y: Y, x: X, m: [M1, M2], controls: "c1 + c2", fe: "id + year", vcov: "cluster:id",
    /// bootstrap: 500, seed: 1 }</c>; <c>m</c> may also be a single name.</summary>
    private static MediationDefinition Mediation(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a mediate block", MediateKeys);
        foreach (var key in (string[])["y", "x", "m"]) y.Require(map, node, key, "a mediate block");
        IReadOnlyList<Located<string>> mediators = map.TryGetValue("m", out var m) && m is YamlScalarNode
            ? y.Located(map, "m") is { } one ? [one] : []
            : y.Words(map, "m");
        return new MediationDefinition
        {
            Outcome = y.Located(map, "y"),
            Treatment = y.Located(map, "x"),
            Mediators = mediators,
            Controls = y.Located(map, "controls"),
            FixedEffects = y.Located(map, "fe"),
            Vcov = y.Located(map, "vcov"),
            Bootstrap = y.Integer(map, "bootstrap") ?? 0,
            Seed = y.Integer(map, "seed"),
            Line = StudyYaml.Line(node),
        };
    }
}
