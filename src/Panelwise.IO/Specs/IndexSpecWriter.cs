using System.Globalization;
using Panelwise.Methods.Indices;
using YamlDotNet.RepresentationModel;

namespace Panelwise.IO.Specs;

/// <summary>Writes an <see cref="IndexSpec"/> as YAML that <see cref="IndexSpecReader"/> reads back to an equal spec
/// (labels in any script, weights as round-trip doubles). Useful to save a spec built in code or from CLI options.</summary>
public static class IndexSpecWriter
{
    public static string Write(IndexSpec spec)
    {
        var root = NodeMapping(spec.Root);
        if (spec.Scope != WeightingScope.Hierarchical) root.Add("scope", Word(IndexVocabulary.Scopes, spec.Scope));
        var n = spec.Normalisation;
        root.Add("normalisation", new YamlMappingNode(
            new YamlScalarNode("method"), new YamlScalarNode(Word(IndexVocabulary.Normalisations, n.Method)),
            new YamlScalarNode("shift"), new YamlScalarNode(Number(n.Shift)),
            new YamlScalarNode("reference"), new YamlScalarNode(Word(IndexVocabulary.References, n.Reference))));
        if (n.BaseYear is double year) ((YamlMappingNode)root["normalisation"]).Add("base_year", Number(year));
        if (spec.UnitColumn is not null || spec.TimeColumn is not null)
        {
            var panel = new YamlMappingNode();
            if (spec.UnitColumn is not null) panel.Add("id", spec.UnitColumn);
            if (spec.TimeColumn is not null) panel.Add("time", spec.TimeColumn);
            root.Add("panel", panel);
        }
        if (spec.Missing != MissingValuePolicy.Error) root.Add("missing", Word(IndexVocabulary.MissingPolicies, spec.Missing));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode NodeMapping(IndexNode node)
    {
        var map = new YamlMappingNode { { "name", node.Name } };
        if (node.Label is not null) map.Add("label", node.Label);
        map.Add("method", node.Method.Text());
        if (node.Aggregation != Aggregation.WeightedSum) map.Add("aggregation", node.Aggregation.Text());
        if (node.Weight is double w) map.Add("weight", Number(w));
        if (node.Children.Count > 0) map.Add("dimensions", new YamlSequenceNode(node.Children.Select(NodeMapping)));
        if (node.Indicators.Count > 0) map.Add("indicators", new YamlSequenceNode(node.Indicators.Select(IndicatorMapping)));
        return map;
    }

    private static YamlMappingNode IndicatorMapping(IndicatorSpec indicator)
    {
        var map = new YamlMappingNode
        {
            { "column", indicator.Column },
            { "direction", new YamlScalarNode(indicator.Direction.Text()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted } },
        };
        if (indicator.Label is not null) map.Add("label", indicator.Label);
        if (indicator.Unit is not null) map.Add("unit", indicator.Unit);
        if (indicator.Weight is double w) map.Add("weight", Number(w));
        return map;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Word<T>(IReadOnlyDictionary<string, T> words, T value) where T : struct =>
        words.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key;
}
