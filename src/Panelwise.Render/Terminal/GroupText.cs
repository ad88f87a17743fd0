using System.Globalization;
using System.Text;
using Panelwise.Methods.Grouping;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Terminal;

/// <summary>The group command's text report: with PCA, the eigenvalue table, the loadings with each indicator's MSA,
/// KMO and Bartlett's test, as papers print them before a factor analysis; then the groups (label, size, centroid as
/// mean z-scores and, with PCA, mean component scores) and their units. The tables come from
/// <see cref="GroupingTableBuilder"/>.</summary>
public static class GroupText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(UnitGroupingResult result, UnitGroupingOptions options)
    {
        var text = new StringBuilder();
        if (result.Pca is { } pca) WritePca(text, pca, result.Units.Count);

        string how = options.Method == ClusteringMethod.KMeans
            ? string.Create(Inv, $"k-means, seed {options.Seed}")
            : "Ward (ward.D2)";
        text.Append(ConsoleTableWriter.Write(GroupingTableBuilder.Groups(result,
            string.Create(Inv, $"Groups ({how}; {result.Units.Count} units, k = {result.Levels.Count})"))));
        text.Append('\n');
        text.Append("Units\n");
        for (int g = 0; g < result.Levels.Count; g++)
            text.Append(Inv, $"{g + 1} {result.Levels[g]}: {string.Join(", ", result.UnitsOf(g))}\n");
        text.Append('\n');
        text.Append($"Column added: {result.Column}\n");
        text.Append(NoteLines.Of(result.Notes));
        return text.ToString();
    }

    private static void WritePca(StringBuilder text, PrincipalComponentsResult pca, int units)
    {
        int kept = pca.Scores.Length;
        text.Append(ConsoleTableWriter.Write(GroupingTableBuilder.Eigenvalues(pca,
            string.Create(Inv, $"Principal components of the standardised unit means ({units} units, {pca.Variables.Count} indicators; {kept} retained)"))));
        text.Append('\n');
        text.Append(ConsoleTableWriter.Write(GroupingTableBuilder.Loadings(pca, "Loadings")));
        text.Append('\n');
        text.Append(double.IsFinite(pca.Kmo)
            ? string.Create(Inv, $"KMO = {pca.Kmo:F4}   Bartlett chi2({pca.Bartlett.DegreesOfFreedom}) = {pca.Bartlett.ChiSquare:F4}   {P(pca.Bartlett.PValue)}")
            : "KMO and Bartlett's test: not defined (collinear indicators, see the note)");
        text.Append("\n\n");
    }

    private static string P(double p) => p switch
    {
        0 => "p < 1e-300",
        < 1e-4 => "p = " + p.ToString("0.00E+00", Inv),
        _ => "p = " + p.ToString("F4", Inv),
    };
}
