using System.Globalization;
using Panelwise.Data;

namespace Panelwise.Methods.Indices;

/// <summary>Builds a composite index from raw indicators: validates the spec, fills or rejects missing values,
/// normalises, weights each level and aggregates, adding one column per node of the hierarchy.</summary>
/// <remarks>The seeds' practice: seed 003 (entropy weights, eqs. 4-9, two dimensions and five sub-dimensions) and
/// seed 000 (24 published fixed weights in six dimensions, Table 1).</remarks>
public static class IndexBuilder
{
    /// <summary>
    /// Computes every node's score on the sample rows. Hierarchical scope: node score = aggregation of its children
    /// (indicators: normalised values x'_ij; sub-nodes: their scores) with weights from the node's method, e.g.
    /// s_i = sum_j w_j x'_ij (seed 003, eq. 9). Flat scope: the root's method weights all indicators at once and each
    /// node's score is sum_j w_j x'_ij over its own indicators.
    /// </summary>
    /// <param name="data">The data; it is not modified.</param>
    /// <param name="spec">The hierarchy, normalisation and panel layout.</param>
    /// <param name="sample">Rows to use (e.g. from an --if condition); null uses every row. New columns are NaN elsewhere.</param>
    /// <exception cref="SpecificationException">The spec is inconsistent or does not fit the data.</exception>
    /// <exception cref="DataException">A panel column is missing.</exception>
    public static IndexResult Build(Frame data, IndexSpec spec, IReadOnlyList<bool>? sample = null)
    {
        SpecValidator.Validate(spec, data);
        int[] rows = Enumerable.Range(0, data.RowCount).Where(r => sample is null || sample[r]).ToArray();
        if (rows.Length < 2) throw SpecificationException.TooFewRows(rows.Length);
        var notes = new List<Note>();
        double[]? time = spec.TimeColumn is null ? null : rows.Select(r => data.Numeric(spec.TimeColumn).Values[r]).ToArray();
        string[]? units = spec.UnitColumn is null ? null : rows.Select(r => UnitText(data[spec.UnitColumn], r)).ToArray();
        if (spec.Normalisation.Reference == ReferenceFrame.BaseYear)
        {
            double baseYear = spec.Normalisation.BaseYear ?? throw SpecificationException.NeedsPanel("A base-year reference without base_year");
            if (!time!.Contains(baseYear)) throw SpecificationException.BaseYearAbsent(baseYear, spec.TimeColumn!);
        }

        var normalised = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var indicator in SpecValidator.Indicators(spec.Root))
        {
            var raw = data.Numeric(indicator.Column).Values;
            var values = rows.Select(r => raw[r]).ToArray();
            int filled = MissingValueFiller.Fill(values, rows, indicator.Column, spec.Missing, units, time);
            if (filled > 0) notes.Add(new Note(NoteKind.Data, "interpolated", $"'{indicator.Column}': {filled} missing value{(filled == 1 ? "" : "s")} filled by linear interpolation within unit.", [indicator.Column]));
            normalised[indicator.Column] = Normaliser.Normalise(values, indicator.Direction, spec.Normalisation, time, indicator.Column);
        }

        var state = new BuildState(spec, normalised, notes);
        if (spec.Scope == WeightingScope.Flat) state.ScoreFlat();
        else state.ScoreHierarchical(spec.Root);

        var added = SpecValidator.NewColumnNames(spec.Root).ToList();
        var result = data;
        foreach (var name in added)
            result = result.With(state.Grades.TryGetValue(name, out var grade) ? Expand(name, grade, rows, data.RowCount) : Expand(name, state.Columns[name], rows, data.RowCount));
        return new IndexResult(result, added, state.OrderedRows(), notes);
    }

    private static string UnitText(Column column, int row) => column switch
    {
        CategoricalColumn c => c.ValueAt(row) ?? "(missing)",
        NumericColumn n => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        _ => row.ToString(CultureInfo.InvariantCulture),
    };

    private static NumericColumn Expand(string name, double[] values, int[] rows, int length)
    {
        var full = new double[length];
        Array.Fill(full, double.NaN);
        for (int k = 0; k < rows.Length; k++) full[rows[k]] = values[k];
        return new NumericColumn(name, full);
    }

    private static CategoricalColumn Expand(string name, int[] codes, int[] rows, int length)
    {
        var full = new int[length];
        Array.Fill(full, -1);
        for (int k = 0; k < rows.Length; k++) full[rows[k]] = codes[k];
        return new CategoricalColumn(name, full, CouplingCoordination.Bands.Select(b => b.Name).ToArray());
    }
}
