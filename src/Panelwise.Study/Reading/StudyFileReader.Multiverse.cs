using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

public static partial class StudyFileReader
{
    private static readonly string[] MultiverseKeys = ["y", "x", "iv", "controls", "fe", "vcov", "sample", "if", "exclude", "baseline", "joint", "seed"];

    /// <summary><c>multiverse: { y: [inv, rd], x: [dig, "l(dig, 1)"], controls: [none, "size + lev"], fe: "id + year; id",
    /// vcov: "cluster:id; iid", sample: [all, "year &lt;= 2020"], exclude: ["x = l(dig, 1) &amp; fe = id"],
    /// baseline: "controls = size + lev", joint: 200, seed: 1 }</c>: the dimensions and clauses of
    /// <c>panelwise multiverse</c>. <c>if</c> is another name of <c>sample</c>, as in the clauses.</summary>
    private static MultiverseDefinition Multiverse(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a multiverse block", MultiverseKeys);
        foreach (var key in (string[])["y", "x"]) y.Require(map, node, key, "a multiverse block");
        if (map.ContainsKey("sample") && map.TryGetValue("if", out var both))
            y.Problems.Add(StudyErrors.BadOption(y.Source, StudyYaml.Line(both), "'if' is another name of 'sample' in a multiverse block: give one of them."));
        return new MultiverseDefinition
        {
            Outcomes = Choices(y, map, "y"),
            FocalTerms = Choices(y, map, "x"),
            Instruments = Choices(y, map, "iv"),
            Controls = Choices(y, map, "controls"),
            FixedEffects = Choices(y, map, "fe"),
            Vcovs = Choices(y, map, "vcov"),
            Samples = Choices(y, map, "sample") ?? Choices(y, map, "if"),
            Exclude = Choices(y, map, "exclude")?.Value ?? [],
            Baseline = y.Located(map, "baseline"),
            Joint = y.Integer(map, "joint") ?? 0,
            Seed = y.Integer(map, "seed"),
            Line = StudyYaml.Line(node),
        };
    }

    /// <summary>A dimension's choices with the line of its value: a list, or one string split at ';' (the CLI's
    /// form); null when the key is absent.</summary>
    private static Located<IReadOnlyList<Located<string>>>? Choices(StudyYaml y, Dictionary<string, YamlNode> map, string key)
    {
        if (!map.TryGetValue(key, out var node)) return null;
        long line = StudyYaml.Line(node);
        if (node is not YamlScalarNode) return new(y.Words(map, key), line);
        var text = y.Located(map, key);
        IReadOnlyList<Located<string>> choices = text is null ? []
            : text.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => new Located<string>(c, text.Line)).ToList();
        return new(choices, line);
    }
}
