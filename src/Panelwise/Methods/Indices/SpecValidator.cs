using Panelwise.Data;

namespace Panelwise.Methods.Indices;

/// <summary>Checks an <see cref="IndexSpec"/> against itself and the data before anything is computed, so that a bad
/// spec fails with one clear message and nothing is written.</summary>
internal static class SpecValidator
{
    public static void Validate(IndexSpec spec, Frame data)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        Walk(spec, spec.Root, [], names, columns);
        foreach (var name in NewColumnNames(spec.Root))
            if (data.Contains(name)) throw SpecificationException.ColumnExists(name, OriginOf(spec.Root, name), data.Source);
        foreach (var indicator in Indicators(spec.Root))
        {
            var column = data.Find(indicator.Column)
                ?? throw SpecificationException.MissingColumn(indicator.Origin, indicator.Column, data.Source, data.Columns.Select(c => c.Name));
            if (column is not NumericColumn) throw SpecificationException.NotNumeric(indicator.Origin, indicator.Column);
        }
        bool needsTime = spec.Normalisation.Reference != ReferenceFrame.Pooled || spec.Missing == MissingValuePolicy.Interpolate;
        if (needsTime && spec.TimeColumn is null)
            throw SpecificationException.NeedsPanel(spec.Missing == MissingValuePolicy.Interpolate ? "Interpolation of missing values" : "A per-year or base-year reference");
        if (spec.Missing == MissingValuePolicy.Interpolate && spec.UnitColumn is null)
            throw SpecificationException.NeedsPanel("Interpolation of missing values");
        foreach (var panelColumn in new[] { spec.UnitColumn, spec.TimeColumn })
            if (panelColumn is not null && !data.Contains(panelColumn))
                throw DataException.MissingColumn(data.Source, panelColumn, data.Columns.Select(c => c.Name));
    }

    /// <summary>Every column the index adds: one per node, plus C, T and grade for coupling nodes.</summary>
    public static IEnumerable<string> NewColumnNames(IndexNode node)
    {
        yield return node.Name;
        if (node.Aggregation == Aggregation.CouplingCoordination)
        {
            yield return node.Name + "_c";
            yield return node.Name + "_t";
            yield return node.Name + "_grade";
        }
        foreach (var child in node.Children)
            foreach (var name in NewColumnNames(child)) yield return name;
    }

    public static IEnumerable<IndicatorSpec> Indicators(IndexNode node) =>
        node.Indicators.Concat(node.Children.SelectMany(Indicators));

    private static string? OriginOf(IndexNode node, string name) =>
        node.Name == name ? node.Origin : node.Children.Select(c => OriginOf(c, name)).FirstOrDefault(o => o is not null) ?? node.Origin;

    private static void Walk(IndexSpec spec, IndexNode node, List<IndexNode> ancestors, HashSet<string> names, HashSet<string> columns)
    {
        if (ancestors.Any(a => ReferenceEquals(a, node)))
            throw SpecificationException.Cycle(ancestors.SkipWhile(a => !ReferenceEquals(a, node)).Select(a => a.Name).Append(node.Name));
        if (!names.Add(node.Name)) throw SpecificationException.DuplicateNodeName(node.Name, node.Origin);
        if (node.Children.Count == 0 && node.Indicators.Count == 0) throw SpecificationException.EmptyNode(node.Name, node.Origin);
        if (node.Children.Count > 0 && node.Indicators.Count > 0) throw SpecificationException.MixedNode(node.Name, node.Origin);
        bool flat = spec.Scope == WeightingScope.Flat;
        if (flat && node.Aggregation != Aggregation.WeightedSum) throw SpecificationException.FlatScopeAggregation(node.Name, node.Origin);
        if (node.Aggregation == Aggregation.CouplingCoordination)
        {
            if (node.Children.Count is < 2 or > 3) throw SpecificationException.CouplingArity(node.Name, node.Children.Count + node.Indicators.Count, node.Origin);
            if (node.Method is not (WeightingMethod.Fixed or WeightingMethod.Equal)) throw SpecificationException.CouplingWeights(node.Name, node.Origin);
        }
        if (!flat && node.Method == WeightingMethod.Fixed)
        {
            foreach (var child in node.Children) CheckWeight(node.Name, child.Name, child.Weight, child.Origin);
            foreach (var ind in node.Indicators) CheckWeight(node.Name, ind.Column, ind.Weight, ind.Origin);
        }
        if (flat && ReferenceEquals(node, spec.Root) && node.Method == WeightingMethod.Fixed)
            foreach (var ind in Indicators(node)) CheckWeight(node.Name, ind.Column, ind.Weight, ind.Origin);
        foreach (var ind in node.Indicators)
            if (!columns.Add(ind.Column)) throw SpecificationException.DuplicateIndicator(ind.Column, ind.Origin);
        ancestors.Add(node);
        foreach (var child in node.Children) Walk(spec, child, ancestors, names, columns);
        ancestors.RemoveAt(ancestors.Count - 1);
    }

    private static void CheckWeight(string node, string child, double? weight, string? origin)
    {
        if (weight is not double w) throw SpecificationException.FixedWeightMissing(node, child, origin);
        if (!double.IsFinite(w) || w < 0) throw SpecificationException.BadWeight(child, w, origin);
    }
}
