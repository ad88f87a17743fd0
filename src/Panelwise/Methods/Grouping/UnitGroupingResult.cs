using Panelwise.Data;

namespace Panelwise.Methods.Grouping;

/// <summary>Output of <see cref="UnitGrouping"/>.</summary>
/// <param name="Data">The input data with the new categorical group column.</param>
/// <param name="Column">Name of that column.</param>
/// <param name="Indicators">The indicator columns, in the order of the centres' coordinates.</param>
/// <param name="Units">The grouped units, in order of first appearance.</param>
/// <param name="Levels">Group labels, group 1 first.</param>
/// <param name="Clusters">The partition of <paramref name="Units"/> in canonical numbering (0 = group 1); centres and
/// within sums of squares are in the space of the standardised indicators (unit means as z-scores).</param>
/// <param name="UnitMeans">UnitMeans[j][i]: mean of indicator j over the rows of unit i.</param>
/// <param name="Pca">The principal-component analysis of the standardised unit means, when it was used.</param>
/// <param name="ComponentCentres">ComponentCentres[c][k]: mean score of group c on retained component k, with PCA.</param>
/// <param name="Notes">What was done, for the reader of the output.</param>
public sealed record UnitGroupingResult(
    Frame Data,
    string Column,
    IReadOnlyList<string> Indicators,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Levels,
    ClusterResult Clusters,
    double[][] UnitMeans,
    PrincipalComponentsResult? Pca,
    double[][]? ComponentCentres,
    IReadOnlyList<Note> Notes)
{
    /// <summary>Units of group <paramref name="group"/> (0-based), in order of appearance.</summary>
    public IReadOnlyList<string> UnitsOf(int group) =>
        Units.Where((_, i) => Clusters.Assignments[i] == group).ToList();
}
