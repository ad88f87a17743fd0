using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Panelwise.Tests.Support;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Tests.Study;

/// <summary>schema/study.schema.json is what editors validate a study against (the yaml-language-server line at the
/// top of every example): each shipped example must pass it, and a file the reader rejects must fail it too, so the
/// schema neither lags behind the reader nor accepts anything.</summary>
public class StudySchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepositoryPath.Of("schema", "study.schema.json")));

    private static List<string> StudyPaths() =>
        [.. Directory.GetFiles(RepositoryPath.Of("examples"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => File.ReadLines(p).FirstOrDefault()?.Contains("study.schema.json", StringComparison.Ordinal) == true)
            .Select(p => Path.GetRelativePath(RepositoryPath.Of(), p))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Studies() => [.. StudyPaths()];

    [Fact]
    public void EveryExampleStudyDeclaresTheSchema() =>
        Assert.True(StudyPaths().Count >= 4, "expected the grunfeld, innovation-chain and both hightech-resilience studies");

    [Theory]
    [MemberData(nameof(Studies))]
    public void ExampleStudyValidates(string relativePath)
    {
        var results = Evaluate(File.ReadAllText(RepositoryPath.Of(relativePath)));
        Assert.True(results.IsValid, $"{relativePath} breaks the schema:\n{Describe(results)}");
    }

    [Theory]
    [InlineData("data: { file: a.csv }\ntables: [{ name: t, columns: [{ formula: y ~ x }] }]\nunknown_key: 1\n")]
    [InlineData("data: { file: a.csv }\ntables: [{ name: t, columns: [{ formula: y ~ x, vcov: 3 }] }]\n")]
    [InlineData("tables: [{ name: t, columns: [{ formula: y ~ x }] }]\n")]
    [InlineData("data: { file: a.csv, as: 1table }\ntables: [{ name: t, columns: [{ formula: y ~ x }] }]\n")]
    [InlineData("data: { file: a.csv }\ntables: [{ name: t, multiverse: { y: a, x: b, samples: [all] } }]\n")]
    [InlineData("data: { file: a.csv }\ntables: [{ name: t, multiverse: { y: a, x: [] } }]\n")]
    [InlineData("data: { file: a.csv }\ntables: [{ name: t, multiverse: { y: a, x: b, sample: all, if: all } }]\n")]
    [InlineData("data: { file: a.csv }\nvariables: { c: { classify_units: [a, b], k: 3 } }\ntables: [{ name: t, columns: [{ formula: y ~ x }] }]\n")]
    [InlineData("data: { file: a.csv }\nvariables: { c: { classify_units: [a, b], id: u, pca: some } }\ntables: [{ name: t, columns: [{ formula: y ~ x }] }]\n")]
    [InlineData("data: { file: a.csv }\nvariables: { c: { classify_units: [a, b], id: u, top: 30 } }\ntables: [{ name: t, columns: [{ formula: y ~ x }] }]\n")]
    public void MalformedStudyFails(string yaml) => Assert.False(Evaluate(yaml).IsValid);

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        return Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML 1.2 core-schema typing of plain scalars (numbers, booleans, null), as an editor's YAML-to-JSON
    /// view does; quoted scalars stay strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value ?? ""),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Plain(string text) => text switch
    {
        "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i) => JsonValue.Create(i),
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => JsonValue.Create(d),
        _ => JsonValue.Create(text),
    };
}
