using System.Globalization;
using Panelwise.Data;
using Panelwise.Methods.Indices;

namespace Panelwise.Methods.Grouping;

/// <summary>How a derived grouping of units compares with a given classification of the same units (seed 000's
/// industries by factor intensity or chain position): the cross-tabulation of units, the share agreeing under the
/// best one-to-one matching of labels (derived group numbers are arbitrary, so agreement is counted up to a
/// permutation of the labels; Hungarian algorithm, Kuhn 1955, <i>Naval Research Logistics Quarterly</i> 2: 83-97), and
/// the adjusted Rand index (Hubert and Arabie 1985, <i>Journal of Classification</i> 2: 193-218). One pass over the
/// rows; the given column must take one value per unit.</summary>
public static class GroupAgreement
{
    /// <param name="grouping">The derived groups (from <see cref="UnitGrouping"/>).</param>
    /// <param name="data">Rows holding <paramref name="unitColumn"/> and <paramref name="given"/>.</param>
    /// <param name="unitColumn">The unit identifier the grouping used.</param>
    /// <param name="given">The given classification: text or numbers, constant within each unit.</param>
    /// <exception cref="SpecificationException">A missing column, a given value that varies within a unit, fewer than
    /// two units with a given value.</exception>
    public static GroupAgreementResult Compare(UnitGroupingResult grouping, Frame data, string unitColumn, string given)
    {
        var unit = data[unitColumn];
        var column = data.Find(given) ?? throw SpecificationException.MissingColumn(null, given, data.Source, data.Columns.Select(c => c.Name));
        var index = grouping.Units.Select((u, i) => (u, i)).ToDictionary(t => t.u, t => t.i, StringComparer.Ordinal);
        var value = new string?[grouping.Units.Count];
        for (int r = 0; r < data.RowCount; r++)
        {
            if (UnitGrouping.UnitKey(unit, r) is not { } u || !index.TryGetValue(u, out int i) || Text(column, r) is not { } v) continue;
            if (value[i] is { } first && first != v)
                throw new SpecificationException($"'{given}' takes more than one value within unit {u} ({first}, {v}): compare the groups with a " +
                                                 "classification of the units, one value per unit.");
            value[i] = v;
        }
        var levels = Levels(column, value);
        if (value.Count(v => v is not null) < 2)
            throw new SpecificationException($"Fewer than 2 of the {grouping.Units.Count} units have a value of '{given}': nothing to compare.");
        var levelIndex = levels.Select((l, h) => (l, h)).ToDictionary(t => t.l, t => t.h, StringComparer.Ordinal);
        int k = grouping.Levels.Count;
        var counts = Enumerable.Range(0, k).Select(_ => new int[levels.Count]).ToArray();
        int? asLabelled = grouping.Levels.Any(levelIndex.ContainsKey) ? 0 : null;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] is not { } v) continue;
            int g = grouping.Clusters.Assignments[i];
            counts[g][levelIndex[v]]++;
            if (asLabelled is not null && grouping.Levels[g] == v) asLabelled++;
        }
        var matching = BestMatching(counts, levels.Count);
        int agreeing = matching.Select((h, g) => h < 0 ? 0 : counts[g][h]).Sum();
        var leftOut = grouping.Units.Where((_, i) => value[i] is null).ToList();
        return new GroupAgreementResult(given, grouping.Levels, levels, counts, matching, agreeing, value.Count(v => v is not null),
            leftOut, AdjustedRand(counts), asLabelled);
    }

    /// <summary>The one-to-one matching of rows to columns with the largest sum of counts (Hungarian algorithm on the
    /// square matrix padded with zeros, minimising max - count); -1 for a row matched to a padding column.</summary>
    internal static int[] BestMatching(int[][] counts, int columns)
    {
        int rows = counts.Length, n = Math.Max(rows, columns);
        int max = counts.SelectMany(c => c).DefaultIfEmpty(0).Max();
        double Cost(int i, int j) => max - (i < rows && j < columns ? counts[i][j] : 0);
        // Potentials u (rows) and v (columns), 1-based with a virtual column 0 (the e-maxx formulation).
        var u = new double[n + 1];
        var v = new double[n + 1];
        var rowOf = new int[n + 1];
        var way = new int[n + 1];
        for (int i = 1; i <= n; i++)
        {
            rowOf[0] = i;
            int j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = rowOf[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    double cur = Cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= n; j++)
                {
                    if (used[j]) { u[rowOf[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do
            {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var matching = Enumerable.Repeat(-1, rows).ToArray();
        for (int j = 1; j <= n; j++)
            if (rowOf[j] - 1 < rows && j - 1 < columns) matching[rowOf[j] - 1] = j - 1;
        return matching;
    }

    /// <summary>ARI = (Σ C(n_gh, 2) - E) / ((Σ C(a_g, 2) + Σ C(b_h, 2)) / 2 - E), E = Σ C(a_g, 2) Σ C(b_h, 2) / C(n, 2).</summary>
    internal static double AdjustedRand(int[][] counts)
    {
        static double Pairs(double m) => m * (m - 1) / 2;
        int columns = counts[0].Length;
        double index = counts.SelectMany(c => c).Sum(c => Pairs(c));
        double rows = counts.Sum(c => Pairs(c.Sum()));
        double cols = Enumerable.Range(0, columns).Sum(h => Pairs(counts.Sum(c => c[h])));
        double n = counts.Sum(c => c.Sum());
        double expected = rows * cols / Pairs(n), max = (rows + cols) / 2;
        return max - expected == 0 ? double.NaN : (index - expected) / (max - expected);
    }

    private static List<string> Levels(Column column, string?[] values)
    {
        var present = new HashSet<string>(values.OfType<string>(), StringComparer.Ordinal);
        return column switch
        {
            CategoricalColumn c => [.. c.Levels.Where(present.Contains)],
            _ => [.. present.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture))],
        };
    }

    private static string? Text(Column column, int row) => column switch
    {
        CategoricalColumn c => c.ValueAt(row),
        NumericColumn n when !double.IsNaN(n.Values[row]) => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
