namespace Panelwise.Methods.Indices;

/// <summary>An index or grouping specification that cannot be carried out. Each message says what is wrong, where
/// (spec file and line when known) and how to fix it; messages are built here, by static factories.</summary>
public sealed class SpecificationException : UserInputException
{
    public SpecificationException(string message) : base(message) { }

    private static string At(string? origin) => origin is null ? "" : $" ({origin})";

    public static SpecificationException MissingColumn(string? origin, string column, string? dataSource, IEnumerable<string> available)
    {
        var names = available.ToList();
        var close = names.Where(n => n.Contains(column, StringComparison.OrdinalIgnoreCase)
                                     || column.Contains(n, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        string hint = close.Count > 0 ? $"Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?"
            : $"Available columns: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", ..." : "")}.";
        return new($"Indicator column '{column}'{At(origin)} is not in {dataSource ?? "the data"}. {hint}");
    }

    public static SpecificationException NotNumeric(string? origin, string column) =>
        new($"Indicator column '{column}'{At(origin)} holds text, not numbers: an indicator must be numeric; clean or recode it.");

    public static SpecificationException EmptyNode(string node, string? origin) =>
        new($"Dimension '{node}'{At(origin)} has no indicators and no sub-dimensions: add at least one or remove it.");

    public static SpecificationException MixedNode(string node, string? origin) =>
        new($"Dimension '{node}'{At(origin)} lists both sub-dimensions and indicators: move the indicators into a sub-dimension.");

    public static SpecificationException Cycle(IEnumerable<string> path) =>
        new($"The index hierarchy has a cycle: {string.Join(" -> ", path)}. A dimension cannot contain itself.");

    public static SpecificationException DuplicateNodeName(string name, string? origin) =>
        new($"The name '{name}'{At(origin)} is used by two nodes of the hierarchy: every index and dimension becomes a column, so give each a distinct name.");

    public static SpecificationException DuplicateIndicator(string column, string? origin) =>
        new($"Indicator column '{column}'{At(origin)} appears twice in the hierarchy: list each indicator once.");

    public static SpecificationException ColumnExists(string name, string? origin, string? dataSource) =>
        new($"The index column '{name}'{At(origin)} already exists in {dataSource ?? "the data"}: give the node another name.");

    public static SpecificationException MissingValues(string column, IReadOnlyList<long> rows, int total) =>
        new($"Indicator '{column}' is missing in {total} row{(total == 1 ? "" : "s")} (data row{(total == 1 ? "" : "s")} {string.Join(", ", rows)}{(total > rows.Count ? ", ..." : "")}): " +
            "fill them, restrict the sample with {If}, or use {Missing} interpolate (missing: interpolate) for within-unit linear interpolation.");

    public static SpecificationException CannotInterpolate(string column, string unit, IReadOnlyList<long> rows) =>
        new($"Indicator '{column}' is missing at the start or end of unit {unit}'s series (data rows {string.Join(", ", rows)}): " +
            "linear interpolation needs observed values on both sides; fill these by hand or drop those years with {If}.");

    public static SpecificationException NeedsPanel(string what) =>
        new($"{what} needs the panel layout: give the unit and time columns ({{UnitColumn}} and {{TimeColumn}}, or panel: {{id: ..., time: ...}} in the spec).");

    public static SpecificationException BaseYearAbsent(double year, string timeColumn) =>
        new($"Base year {year} does not occur in column '{timeColumn}': choose a year present in the data.");

    public static SpecificationException FixedWeightMissing(string node, string child, string? origin) =>
        new($"'{node}' uses fixed weights but '{child}'{At(origin)} has no weight: give it a weight, or use method equal, entropy or critic.");

    public static SpecificationException BadWeight(string child, double weight, string? origin) =>
        new($"The weight of '{child}'{At(origin)} is {weight}: weights must be finite and non-negative, and not all zero.");

    public static SpecificationException NeedsNonNegative(string method, string node, string? origin) =>
        new($"'{node}'{At(origin)} uses {method}, which needs non-negative normalised values, but z-score or base-year scaling produced negatives: " +
            "use min-max (with a pooled or per-year reference) or ratio to max.");

    public static SpecificationException RatioNeedsPositive(string column) =>
        new($"Indicator '{column}' has zero or negative values, so ratio-to-max normalisation is undefined: use min-max or z-score.");

    public static SpecificationException CouplingArity(string node, int count, string? origin) =>
        new($"'{node}'{At(origin)} computes coupling coordination of {count} parts; it needs 2 or 3 sub-dimensions (subsystems).");

    public static SpecificationException CouplingWeights(string node, string? origin) =>
        new($"'{node}'{At(origin)} computes coupling coordination: its method must be fixed or equal (the subsystem contributions alpha), not entropy or critic.");

    public static SpecificationException CouplingRange(string node, string? origin) =>
        new($"'{node}'{At(origin)} computes coupling coordination, which needs subsystem scores in [0, 1]: use min-max normalisation without shift and a pooled reference.");

    public static SpecificationException TooFewRows(int rows) =>
        new($"The sample has {rows} row{(rows == 1 ? "" : "s")}; weighting needs at least 2: widen the {{If}} condition.");

    public static SpecificationException WeightingFailed(string node, string? origin, string reason) =>
        new($"Cannot weight '{node}'{At(origin)}: {reason}");

    public static SpecificationException FlatScopeAggregation(string node, string? origin) =>
        new($"'{node}'{At(origin)} asks for TOPSIS or coupling coordination, which work on a node's own children: use scope: hierarchical.");
}
