using System.Globalization;
using Panelwise.Data;
using Panelwise.Methods.Indices;

namespace Panelwise.Methods.Grouping;

/// <summary>Groups panel units (industries, provinces) by their indicators, as seed 000 classifies industries into
/// labour-, capital- and technology-intensive groups: each unit's indicators are averaged over its rows, standardised
/// across units (z-scores, sample sd), optionally replaced by their principal-component scores, and clustered.
/// The group is written to every row of the unit as a categorical column.</summary>
public static class UnitGrouping
{
    /// <param name="data">The panel.</param>
    /// <param name="unitColumn">The unit identifier.</param>
    /// <param name="indicators">Numeric columns describing the units.</param>
    /// <param name="name">The new categorical column.</param>
    /// <param name="labels">One label per group, in the canonical order of <see cref="ClusterResult"/> (ascending mean
    /// standardised centre); null gives "1", "2", ...</param>
    /// <param name="method">k-means or Ward.</param>
    /// <param name="k">Number of groups.</param>
    /// <param name="seed">Seed for k-means starts.</param>
    /// <param name="components">When set, cluster on this many principal-component scores instead of the indicators.</param>
    public static (Frame Data, ClusterResult Clusters, IReadOnlyList<string> Units) Group(Frame data, string unitColumn,
        IReadOnlyList<string> indicators, string name, int k, ClusteringMethod method = ClusteringMethod.KMeans,
        IReadOnlyList<string>? labels = null, int seed = 12345, int? components = null)
    {
        if (labels is not null && labels.Count != k)
            throw new SpecificationException($"Give {k} group labels, one per group; got {labels.Count}: {string.Join(", ", labels)}.");
        if (data.Contains(name)) throw SpecificationException.ColumnExists(name, null, data.Source);
        var unit = data[unitColumn];
        var keys = Enumerable.Range(0, data.RowCount).Select(r => Key(unit, r)).ToArray();
        var units = keys.Where(u => u is not null).Distinct().Select(u => u!).ToList();
        var columns = indicators.Select(c => data[c] as NumericColumn ?? throw SpecificationException.NotNumeric(null, c)).ToList();
        var means = columns.Select(c =>
        {
            var byUnit = units.Select(u => Enumerable.Range(0, data.RowCount).Where(r => keys[r] == u && !double.IsNaN(c.Values[r])).Select(r => c.Values[r]).DefaultIfEmpty(double.NaN).Average()).ToArray();
            int gap = Array.FindIndex(byUnit, double.IsNaN);
            if (gap >= 0) throw new SpecificationException($"Indicator '{c.Name}' has no values for unit {units[gap]}: fill it or leave the unit out.");
            return byUnit;
        }).ToList();
        var standardised = means.Select((x, j) => Standardise(x, indicators[j])).ToList();
        var features = components is int m
            ? PrincipalComponents.Fit(standardised, indicators, m).Scores
            : [.. standardised];
        var rows = Enumerable.Range(0, units.Count).Select(i => features.Select(f => f[i]).ToArray()).ToList();
        var clusters = method == ClusteringMethod.KMeans ? KMeans.Fit(rows, k, seed) : WardClustering.Fit(rows, k);
        var groupOf = units.Select((u, i) => (u, clusters.Assignments[i])).ToDictionary(t => t.u, t => t.Item2);
        var codes = keys.Select(u => u is null ? -1 : groupOf[u]).ToArray();
        var levels = labels?.ToArray() ?? Enumerable.Range(1, k).Select(g => g.ToString(CultureInfo.InvariantCulture)).ToArray();
        return (data.With(new CategoricalColumn(name, codes, levels)), clusters, units);
    }

    private static string? Key(Column unit, int row) => unit switch
    {
        CategoricalColumn c => c.ValueAt(row),
        NumericColumn n when !double.IsNaN(n.Values[row]) => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static double[] Standardise(double[] x, string name)
    {
        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        if (!(sd > 0)) throw new SpecificationException($"Indicator '{name}' has the same mean in every unit, so it cannot separate groups: drop it.");
        return x.Select(v => (v - mean) / sd).ToArray();
    }
}
