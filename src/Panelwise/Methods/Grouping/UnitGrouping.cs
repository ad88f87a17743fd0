using System.Globalization;
using Panelwise.Data;
using Panelwise.Methods.Indices;

namespace Panelwise.Methods.Grouping;

/// <summary>Groups panel units (industries, provinces) by their indicators, as seed 000 classifies industries into
/// labour-, capital- and technology-intensive groups: each unit's indicators are averaged over its rows, standardised
/// across units (z-scores, sample sd), optionally replaced by their principal-component scores, and clustered.
/// The group is written to every row of the unit as a categorical column.
/// <para>Numbering is deterministic and does not depend on the clustering's internal numbering, the method or PCA:
/// groups are numbered 1..k in ascending order of the mean of their centroid over the standardised indicators (the
/// average z-score of the group's units; ties by the first indicator), so group 1 is the "lowest" group. Labels are
/// assigned in that order. k-means is reproducible for a given seed; Ward has no randomness.</para></summary>
public static class UnitGrouping
{
    /// <summary>Convenience form of <see cref="Group(Frame, string, IReadOnlyList{string}, string, UnitGroupingOptions)"/>.</summary>
    public static UnitGroupingResult Group(Frame data, string unitColumn, IReadOnlyList<string> indicators, string name,
        int k, ClusteringMethod method = ClusteringMethod.KMeans, IReadOnlyList<string>? labels = null, int seed = 12345,
        int? components = null) =>
        Group(data, unitColumn, indicators, name, new UnitGroupingOptions
        {
            K = k, Method = method, Labels = labels, Seed = seed, UsePrincipalComponents = components is not null, Components = components,
        });

    /// <param name="data">The panel.</param>
    /// <param name="unitColumn">The unit identifier.</param>
    /// <param name="indicators">Numeric columns describing the units.</param>
    /// <param name="name">The new categorical column.</param>
    /// <param name="options">Method, k, labels, seed, PCA and sample.</param>
    /// <exception cref="SpecificationException">A missing or non-numeric indicator, a bad k or label count, too few units.</exception>
    public static UnitGroupingResult Group(Frame data, string unitColumn, IReadOnlyList<string> indicators, string name, UnitGroupingOptions options)
    {
        int k = options.K;
        if (indicators.Count == 0) throw new SpecificationException("Name the indicators that describe the units (at least one).");
        if (indicators.Distinct().Count() != indicators.Count)
            throw new SpecificationException($"Indicator '{indicators.GroupBy(c => c).First(g => g.Count() > 1).Key}' is listed twice: list each indicator once.");
        var labels = options.Labels;
        if (labels is not null && labels.Count != k)
            throw new SpecificationException($"Give {k} group labels, one per group; got {labels.Count}: {string.Join(", ", labels)}.");
        if (labels is not null && labels.Distinct().Count() != k)
            throw new SpecificationException($"Group labels must be distinct; got {string.Join(", ", labels)}.");
        if (data.Contains(name)) throw new SpecificationException($"The group column '{name}' already exists in {data.Source ?? "the data"}: choose another name.");
        var columns = indicators.Select(c => data.Find(c) switch
        {
            null => throw SpecificationException.MissingColumn(null, c, data.Source, data.Columns.Select(x => x.Name)),
            NumericColumn numeric => numeric,
            _ => throw SpecificationException.NotNumeric(null, c),
        }).ToList();
        var unit = data[unitColumn];
        var sample = options.Sample;
        if (sample is not null && sample.Length != data.RowCount)
            throw new ArgumentException($"The sample has {sample.Length} flags for {data.RowCount} rows.");
        var keys = Enumerable.Range(0, data.RowCount).Select(r => sample is null || sample[r] ? UnitKey(unit, r) : null).ToArray();
        var units = keys.Where(u => u is not null).Distinct().Select(u => u!).ToList();
        if (units.Count == 0) throw new SpecificationException($"No rows with a value of '{unitColumn}' are in the sample: nothing to group.");
        if (k < 1 || k > units.Count)
            throw new SpecificationException($"Cannot form {k} groups from {units.Count} unit{(units.Count == 1 ? "" : "s")}: k ({{Groups}}, or k in a study) must be between 1 and {units.Count}.");
        var unitIndex = units.Select((u, i) => (u, i)).ToDictionary(t => t.u, t => t.i);
        var means = columns.Select(c => UnitMeans(c, keys, unitIndex, units)).ToArray();
        var z = means.Select((x, j) => Standardise(x, indicators[j])).ToList();
        var notes = new List<Note>
        {
            new(NoteKind.Method, "unit_means", $"Each unit is described by its indicator means over its {(sample is null ? "" : "in-sample ")}rows, standardised across the {units.Count} units (z-scores, sample sd)."),
        };

        PrincipalComponentsResult? pca = null;
        var features = z;
        if (options.UsePrincipalComponents)
        {
            if (indicators.Count < 2) throw new SpecificationException("Principal components need at least 2 indicators.");
            if (units.Count <= indicators.Count)
                throw new SpecificationException($"Principal components need more units than indicators; there are {units.Count} units and {indicators.Count} indicators.");
            if (options.Components is int m && (m < 1 || m > indicators.Count))
                throw new SpecificationException($"pca: choose between 1 and {indicators.Count} principal components (one per indicator); got {m}.");
            pca = PrincipalComponents.Fit(z, indicators, options.Components);
            features = [.. pca.Scores];
            int kept = pca.Scores.Length;
            notes.Add(new Note(NoteKind.Method, "pca_scores", options.Components is null
                ? FormattableString.Invariant($"Clustered on {kept} principal-component score{(kept == 1 ? "" : "s")} (components with eigenvalue > 1), {100 * pca.CumulativeVariance[kept - 1]:F1}% of the variance.")
                : FormattableString.Invariant($"Clustered on {kept} principal-component score{(kept == 1 ? "" : "s")}, {100 * pca.CumulativeVariance[kept - 1]:F1}% of the variance.")));
            if (pca.CollinearIndicators.Count > 0)
                notes.Add(new Note(NoteKind.Method, "pca_collinear", $"The indicators {string.Join(", ", pca.CollinearIndicators)} are perfectly collinear across the units (one is an exact linear " +
                          "combination of the others, e.g. a total beside its parts), so the correlation matrix is singular: KMO and Bartlett's test " +
                          "are not defined (not reported). The retained components are unaffected; drop one of them to get KMO and Bartlett.", pca.CollinearIndicators));
            if (pca.Kmo < 0.5) notes.Add(new Note(NoteKind.Method, "low_kmo", FormattableString.Invariant($"KMO = {pca.Kmo:F3} < 0.5: the indicators share little common variance, so a factor reading of the components is weak.")));
        }

        var rows = Rows(features, units.Count);
        var raw = options.Method == ClusteringMethod.KMeans ? KMeans.Fit(rows, k, options.Seed) : WardClustering.Fit(rows, k);
        notes.Add(new Note(NoteKind.Method, "clustering", options.Method == ClusteringMethod.KMeans
            ? $"k-means (Lloyd, 100 k-means++ starts, seed {options.Seed}); the same seed gives the same groups."
            : "Ward hierarchical clustering (ward.D2 on Euclidean distances), cut at k groups; no randomness."));
        // Canonical numbering in the space of the standardised indicators, whatever space was clustered.
        var clusters = ClusterResult.FromAssignments(Rows(z, units.Count), raw.Assignments, k);
        notes.Add(new Note(NoteKind.Method, "group_numbering", "Groups are numbered by the ascending average z-score of their centroid over the indicators (group 1 lowest); labels follow that order."));
        double[][]? componentCentres = pca is null ? null
            : Enumerable.Range(0, k).Select(c => pca.Scores.Select(s => Mean(s, clusters.Assignments, c)).ToArray()).ToArray();

        var codes = keys.Select(u => u is null ? -1 : clusters.Assignments[unitIndex[u]]).ToArray();
        var levels = labels?.ToArray() ?? Enumerable.Range(1, k).Select(g => g.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (sample is not null) notes.Add(new Note(NoteKind.Data, "outside_sample", $"Rows outside the sample have an empty '{name}'.", [name]));
        return new UnitGroupingResult(data.With(new CategoricalColumn(name, codes, levels)), name, indicators.ToList(), units, levels, clusters,
            means, pca, componentCentres, notes);
    }

    private static double[] UnitMeans(NumericColumn column, string?[] keys, Dictionary<string, int> unitIndex, List<string> units)
    {
        var sum = new double[units.Count];
        var count = new int[units.Count];
        for (int r = 0; r < keys.Length; r++)
        {
            if (keys[r] is not { } u || double.IsNaN(column.Values[r])) continue;
            sum[unitIndex[u]] += column.Values[r];
            count[unitIndex[u]]++;
        }
        int gap = Array.IndexOf(count, 0);
        if (gap >= 0) throw new SpecificationException($"Indicator '{column.Name}' has no values for unit {units[gap]}: fill it or leave the unit out.");
        return sum.Select((s, i) => s / count[i]).ToArray();
    }

    private static List<double[]> Rows(IReadOnlyList<double[]> columns, int n) =>
        Enumerable.Range(0, n).Select(i => columns.Select(f => f[i]).ToArray()).ToList();

    private static double Mean(double[] values, int[] assignments, int cluster) =>
        values.Where((_, i) => assignments[i] == cluster).Average();

    /// <summary>The unit of a row as text (numbers in round-trip form); null when missing.</summary>
    internal static string? UnitKey(Column unit, int row) => unit switch
    {
        CategoricalColumn c => c.ValueAt(row),
        NumericColumn n when !double.IsNaN(n.Values[row]) => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static double[] Standardise(double[] x, string name)
    {
        if (x.Length < 2) throw new SpecificationException("Grouping needs at least 2 units.");
        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        if (!(sd > 0)) throw new SpecificationException($"Indicator '{name}' has the same mean in every unit, so it cannot separate groups: drop it.");
        return x.Select(v => (v - mean) / sd).ToArray();
    }
}
