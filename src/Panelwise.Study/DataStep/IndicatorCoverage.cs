namespace Panelwise.Study;

/// <summary>An index indicator's first and last time with a present value in the whole data (null: never present),
/// and its missing values on the index's own rows (which the index interpolates or refuses).</summary>
public sealed record IndicatorCoverage(string Column, double? FirstTime, double? LastTime, int MissingOnIndexRows);
