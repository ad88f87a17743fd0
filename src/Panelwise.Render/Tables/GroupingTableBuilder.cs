using System.Globalization;
using Panelwise.Methods.Grouping;

namespace Panelwise.Render.Tables;

/// <summary>The tables of a unit grouping, as papers print them before and after a cluster analysis: the principal
/// components' eigenvalues with explained and cumulative variance, the loadings with each indicator's MSA, and the
/// groups with their size and centroid (mean z-scores and, with PCA, mean component scores). Blank where not defined.</summary>
public static class GroupingTableBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static TableModel Eigenvalues(PrincipalComponentsResult pca, string title = "") => new TableModel
    {
        Title = title,
        StubHeader = "component",
        HeaderRows = [["eigenvalue", "explained", "cumulative"]],
        Groups = [new RowGroup(pca.Eigenvalues.Select((l, k) => new TableRow($"PC{k + 1}",
            [F(l), Pct(pca.ExplainedVariance[k]), Pct(pca.CumulativeVariance[k])])).ToList())],
    }.Validated();

    public static TableModel Loadings(PrincipalComponentsResult pca, string title = "")
    {
        int kept = pca.Scores.Length;
        return new TableModel
        {
            Title = title,
            StubHeader = "indicator",
            HeaderRows = [[.. Enumerable.Range(1, kept).Select(k => $"PC{k}"), "MSA"]],
            Groups = [new RowGroup(pca.Variables.Select((v, j) => new TableRow(v,
                [.. pca.Loadings[j].Select(F), F(pca.KmoByVariable[j])])).ToList())],
        }.Validated();
    }

    public static TableModel Groups(UnitGroupingResult result, string title = "")
    {
        int components = result.ComponentCentres?[0].Length ?? 0;
        return new TableModel
        {
            Title = title,
            StubHeader = "group",
            HeaderRows = [["label", "size", .. result.Indicators.Select(n => $"z({n})"), .. Enumerable.Range(1, components).Select(c => $"PC{c}")]],
            Groups = [new RowGroup(Enumerable.Range(0, result.Levels.Count).Select(g => new TableRow((g + 1).ToString(Inv),
            [
                result.Levels[g], result.UnitsOf(g).Count.ToString(Inv), .. result.Clusters.Centers[g].Select(F),
                .. (result.ComponentCentres is { } cc ? cc[g].Select(F) : Enumerable.Empty<TableCell>()),
            ])).ToList())],
        }.Validated();
    }

    private static TableCell F(double v) => double.IsFinite(v) ? v.ToString("F4", Inv) : "";

    private static TableCell Pct(double v) => (100 * v).ToString("F2", Inv) + "%";
}
