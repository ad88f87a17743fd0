using Panelwise.Methods.Grouping;

namespace Panelwise.Study;

/// <summary>A <c>classify_units</c> variable: the units grouped by their indicators (the study form of
/// <c>panelwise group</c>), with the grouping behind its factor and membership tables and its results.json block.</summary>
public sealed record UnitGroupingReport(string Variable, string Unit, UnitGroupingOptions Options, UnitGroupingResult Result) : DataStepReport
{
    public override string Kind => "classify_units";

    /// <summary>The groups against each <c>compare_with</c> classification, in the order listed.</summary>
    public IReadOnlyList<GroupAgreementResult> Agreements { get; init; } = [];

    /// <summary>"cluster = classify_units(a, b by industry): 35 units into 3 groups (k-means, seed 12345, on 2 principal
    /// components); 1 L: 12, 2 K: 13, 3 T: 10; agrees with intensity for 33 of 35 units (94.3%, best matching of labels)"</summary>
    public override string Describe()
    {
        string how = Options.Method == ClusteringMethod.KMeans ? $"k-means, seed {Options.Seed}" : "Ward";
        if (Result.Pca is { } pca) how += $", on {Count(pca.Scores.Length, "principal component", "principal components")}";
        var sizes = Enumerable.Range(0, Result.Levels.Count).Select(g => $"{g + 1} {Result.Levels[g]}: {Result.UnitsOf(g).Count}");
        var agree = Agreements.Select(a => FormattableString.Invariant($"; agrees with {a.Given} for {a.Agreeing} of {a.Units} units ({100 * a.Share:F1}%, best matching of labels)"));
        return $"{Variable} = classify_units({string.Join(", ", Result.Indicators)} by {Unit}): {Count(Result.Units.Count, "unit", "units")} " +
               $"into {Count(Result.Levels.Count, "group", "groups")} ({how}); {string.Join(", ", sizes)}{string.Concat(agree)}";
    }
}
