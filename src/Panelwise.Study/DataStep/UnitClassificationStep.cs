using Panelwise.Data;
using Panelwise.Methods.Grouping;
using Panelwise.Methods.Indices;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>Runs a <c>classify_units</c> variable with the options and defaults of <c>panelwise group</c> (k = 3,
/// k-means seeded 12345, no PCA unless asked) through the same library call, so the study's column and results.json
/// block equal the command's on the same data; then compares the groups with each <c>compare_with</c> column. A
/// problem only the data reveal (an indicator without values in a unit or with the same mean in every unit, a given
/// classification that varies within a unit) is reported with the variable's line.</summary>
internal static class UnitClassificationStep
{
    public static (Column Column, UnitGroupingReport Report) Run(string file, Frame frame, VariableDefinition variable)
    {
        var c = variable.Classification!;
        var options = new UnitGroupingOptions
        {
            K = c.K,
            Method = c.Method?.Value == "ward" ? ClusteringMethod.Ward : ClusteringMethod.KMeans,
            Labels = c.Labels?.Select(l => l.Value).ToList(),
            Seed = c.Seed,
            UsePrincipalComponents = c.Pca is not null,
            Components = c.Pca is > 0 ? c.Pca : null,
        };
        string name = variable.Name.Value, unit = c.Id!.Value;
        try
        {
            var result = UnitGrouping.Group(frame, unit, [.. c.Indicators.Select(i => i.Value)], name, options);
            var agreements = c.CompareWith.Select(g => GroupAgreement.Compare(result, frame, unit, g.Value)).ToList();
            return (result.Data[name], new UnitGroupingReport(name, unit, options, result) { Agreements = agreements });
        }
        catch (SpecificationException ex)
        {
            throw new StudyException([StudyErrors.ClassifyUnitsProblem(file, variable.Name.Line, name, StudySettings.Message(ex))]);
        }
    }
}
