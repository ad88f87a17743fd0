using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Specs;
using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>YAML specs: seed 003's hierarchy (two dimensions, Chinese labels), round trip, errors with file and line.</summary>
public sealed class YamlSpecTests
{
    private const string Seed003Style = """
        name: reic
        label: 高技术产业韧性
        method: entropy
        scope: flat
        normalisation: { method: min_max, shift: 0.0001, reference: pooled }
        panel: { id: province, time: year }
        missing: interpolate
        dimensions:
          - name: fracture
            label: 断裂韧性
            dimensions:
              - name: resist
                label: 抵御能力
                indicators:
                  - { column: profit, direction: "+", label: 产业利润总额, unit: 万元 }
                  - { column: market, direction: "+", label: 市场潜力 }
          - name: shock
            label: 冲击韧性
            indicators:
              - column: engel
                direction: "-"
                label: 恩格尔系数
                weight: 0.25
        """;

    [Fact]
    public void Chinese_labels_and_settings_survive_a_round_trip()
    {
        var spec = IndexSpecReader.Parse(Seed003Style, "reic.yaml");
        Assert.Equal("高技术产业韧性", spec.Root.Label);
        Assert.Equal("产业利润总额", spec.Root.Children[0].Children[0].Indicators[0].Label);
        Assert.Equal("万元", spec.Root.Children[0].Children[0].Indicators[0].Unit);
        Assert.Equal(Direction.Negative, spec.Root.Children[1].Indicators[0].Direction);
        Assert.Equal(0.0001, spec.Normalisation.Shift);
        Assert.Equal(WeightingScope.Flat, spec.Scope);
        Assert.Equal("reic.yaml line 20", spec.Root.Children[1].Indicators[0].Origin);

        var yaml = IndexSpecWriter.Write(spec);
        Assert.Contains("恩格尔系数", yaml);
        var again = IndexSpecReader.Parse(yaml, "again.yaml");
        Assert.Equal(Describe(spec.Root), Describe(again.Root));
        Assert.Equal(spec.Normalisation, again.Normalisation);
        Assert.Equal((spec.Scope, spec.Missing, spec.UnitColumn, spec.TimeColumn), (again.Scope, again.Missing, again.UnitColumn, again.TimeColumn));
    }

    [Fact]
    public void A_spec_file_drives_the_builder_and_the_csv_round_trips()
    {
        var spec = IndexSpecReader.Parse("""
            name: idx
            method: entropy
            indicators:
              - { column: x, direction: "+", label: 甲 }
              - { column: y, direction: "-", label: 乙 }
            """, "s.yaml");
        var data = new Frame([CategoricalColumn.FromStrings("省份", ["北京", "上海, 市", "广东"]), new NumericColumn("x", [1, 2, 4]), new NumericColumn("y", [3, 1, 2])]);
        var result = IndexBuilder.Build(data, spec);
        string path = Path.Combine(Path.GetTempPath(), $"pw-index-{Guid.NewGuid():N}.csv");
        try
        {
            FrameWriter.WriteCsv(result.Data, path);
            var back = DataReader.Read(path);
            Assert.Equal(result.Data.Numeric("idx").Values, back.Numeric("idx").Values);
            Assert.Equal("上海, 市", ((CategoricalColumn)back["省份"]).ValueAt(1));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("name: idx\nmethod: entropi\nindicators: [{column: x}]\n",
        "s.yaml line 2: 'entropi' is not a valid method. Use one of: fixed, equal, entropy, critic.")]
    [InlineData("name: idx\nindicators:\n  - {column: x, sign: \"+\"}\n",
        "s.yaml line 3: unknown key 'sign'. Allowed here: column, direction, label, unit, weight.")]
    [InlineData("name: idx\nindicators:\n  - {direction: \"+\"}\n",
        "s.yaml line 3: every indicator needs 'column'.")]
    [InlineData("name: idx\nindicators:\n  - {column: x, weight: heavy}\n",
        "s.yaml line 3: weight 'heavy' is not a number.")]
    public void Spec_file_errors_name_the_file_and_line(string yaml, string expected)
    {
        Assert.Equal(expected, Assert.Throws<SpecificationException>(() => IndexSpecReader.Parse(yaml, "s.yaml")).Message);
    }

    [Fact]
    public void Yaml_syntax_errors_name_the_line()
    {
        var message = Assert.Throws<SpecificationException>(() => IndexSpecReader.Parse("name: idx\nindicators: [{column: x}, {column: y}\nmethod: equal\n", "s.yaml")).Message;
        Assert.Equal("s.yaml line 2 column 13: the '[' opened here is never closed: add the closing ']' (a bracketed list or mapping may span lines, but must be closed).", message);
    }

    private static string Describe(IndexNode node) =>
        $"{node.Name}|{node.Label}|{node.Method}|{node.Aggregation}|{node.Weight}[" +
        string.Join(";", node.Indicators.Select(i => $"{i.Column},{i.Direction},{i.Label},{i.Unit},{i.Weight}")) + "]{" +
        string.Join(",", node.Children.Select(Describe)) + "}";
}
