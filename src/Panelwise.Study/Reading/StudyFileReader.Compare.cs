using Panelwise.Study.Definition;
using YamlDotNet.RepresentationModel;

namespace Panelwise.Study;

/// <summary>The <c>compare:</c> block of a heterogeneity table and the <c>match:</c> block of a fit column.</summary>
public static partial class StudyFileReader
{
    private static readonly string[] CompareKeys = ["formula", "vcov", "by", "levels", "total", "coefficient", "test", "if", "seed"];
    private static readonly string[] MatchKeys = ["treatment", "covariates", "caliper", "ratio", "seed"];

    /// <summary><c>compare: { formula: "y ~ x + c | id + year", vcov: cluster:id, by: region, levels: [东部, 西部],
    /// total: true, coefficient: x, test: suest, if: "year >= 2012", seed: 1 }</c>.</summary>
    private static CompareDefinition Compare(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a compare block", CompareKeys);
        y.Require(map, node, "formula", "a compare block");
        y.Require(map, node, "by", "a compare block");
        return new CompareDefinition
        {
            Formula = y.Located(map, "formula"),
            Vcov = y.Located(map, "vcov"),
            By = y.Located(map, "by"),
            Levels = y.Words(map, "levels"),
            Total = y.Located(map, "total"),
            Coefficient = y.Located(map, "coefficient"),
            Test = y.Located(map, "test"),
            If = y.Located(map, "if"),
            Seed = y.Integer(map, "seed"),
            Line = StudyYaml.Line(node),
        };
    }

    /// <summary><c>match: { treatment: high_ai, covariates: [x1, x2], caliper: 0.05, ratio: 1, seed: 1 }</c>.</summary>
    private static MatchDefinition Match(StudyYaml y, YamlNode node)
    {
        var map = y.Mapping(node, "a match block", MatchKeys);
        y.Require(map, node, "treatment", "a match block");
        y.Require(map, node, "covariates", "a match block");
        return new MatchDefinition
        {
            Treatment = y.Located(map, "treatment"),
            Covariates = y.Words(map, "covariates"),
            Caliper = y.Located(map, "caliper"),
            Ratio = y.Integer(map, "ratio"),
            Seed = y.Integer(map, "seed"),
            Line = StudyYaml.Line(node),
        };
    }
}
