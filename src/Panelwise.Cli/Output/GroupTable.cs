using System.Globalization;
using System.Text;
using Panelwise.Methods.Grouping;

namespace Panelwise.Cli.Output;

/// <summary>The group command's text output: with PCA, the eigenvalue table (eigenvalue, explained and cumulative
/// variance), the loadings with each indicator's MSA, KMO and Bartlett's test, as papers print them before a factor
/// analysis; then the groups (label, size, centroid as mean z-scores and, with PCA, mean component scores) and their units.</summary>
public static class GroupTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(UnitGroupingResult result, UnitGroupingOptions options)
    {
        var text = new StringBuilder();
        if (result.Pca is { } pca) WritePca(text, pca, result.Units.Count);

        string how = options.Method == ClusteringMethod.KMeans
            ? string.Create(Inv, $"k-means, seed {options.Seed}")
            : "Ward (ward.D2)";
        text.AppendLine(Inv, $"Groups ({how}; {result.Units.Count} units, k = {result.Levels.Count})");
        int components = result.ComponentCentres?[0].Length ?? 0;
        var header = new List<string> { "group", "label", "size" };
        header.AddRange(result.Indicators.Select(n => $"z({n})"));
        header.AddRange(Enumerable.Range(1, components).Select(c => $"PC{c}"));
        var rows = Enumerable.Range(0, result.Levels.Count).Select(g =>
        {
            var row = new List<string> { (g + 1).ToString(Inv), result.Levels[g], result.UnitsOf(g).Count.ToString(Inv) };
            row.AddRange(result.Clusters.Centers[g].Select(F));
            if (result.ComponentCentres is { } cc) row.AddRange(cc[g].Select(F));
            return row.ToArray();
        }).ToList();
        Table(text, [.. header], rows);
        text.AppendLine();
        text.AppendLine("Units");
        for (int g = 0; g < result.Levels.Count; g++)
            text.AppendLine(Inv, $"{g + 1} {result.Levels[g]}: {string.Join(", ", result.UnitsOf(g))}");
        text.AppendLine();
        text.AppendLine($"Column added: {result.Column}");
        foreach (var note in result.Notes) text.AppendLine($"Note: {note}");
        return text.ToString();
    }

    private static void WritePca(StringBuilder text, PrincipalComponentsResult pca, int units)
    {
        int kept = pca.Scores.Length;
        text.AppendLine(Inv, $"Principal components of the standardised unit means ({units} units, {pca.Variables.Count} indicators; {kept} retained)");
        var rows = pca.Eigenvalues.Select((l, k) => new[]
        {
            $"PC{k + 1}", F(l), Pct(pca.ExplainedVariance[k]), Pct(pca.CumulativeVariance[k]),
        }).ToList();
        Table(text, ["component", "eigenvalue", "explained", "cumulative"], rows);
        text.AppendLine();
        text.AppendLine("Loadings");
        var header = new List<string> { "indicator" };
        header.AddRange(Enumerable.Range(1, kept).Select(k => $"PC{k}"));
        header.Add("MSA");
        var loadings = pca.Variables.Select((v, j) =>
        {
            var row = new List<string> { v };
            row.AddRange(pca.Loadings[j].Select(F));
            row.Add(F(pca.KmoByVariable[j]));
            return row.ToArray();
        }).ToList();
        Table(text, [.. header], loadings);
        text.AppendLine();
        text.AppendLine(double.IsFinite(pca.Kmo)
            ? string.Create(Inv, $"KMO = {pca.Kmo:F4}   Bartlett chi2({pca.Bartlett.DegreesOfFreedom}) = {pca.Bartlett.ChiSquare:F4}   {P(pca.Bartlett.PValue)}")
            : "KMO and Bartlett's test: not defined (collinear indicators, see the note)");
        text.AppendLine();
    }

    private static void Table(StringBuilder text, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, c) => rows.Select(r => Width(r[c])).Append(Width(h)).Max()).ToArray();
        text.AppendLine(Line(header, widths));
        text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var r in rows) text.AppendLine(Line(r, widths));
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("F4", Inv) : "";

    private static string Pct(double v) => (100 * v).ToString("F2", Inv) + "%";

    private static string P(double p) => p switch
    {
        0 => "p < 1e-300",
        < 1e-4 => "p = " + p.ToString("0.00E+00", Inv),
        _ => "p = " + p.ToString("F4", Inv),
    };

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).TrimEnd();

    /// <summary>Display width: CJK characters take two terminal columns, so tables with Chinese labels stay aligned.</summary>
    private static int Width(string text) => text.Sum(ch => ch >= 0x2E80 && ch <= 0xFFEF ? 2 : 1);
}
