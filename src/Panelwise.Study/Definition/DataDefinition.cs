namespace Panelwise.Study.Definition;

/// <summary>The <c>data</c> section: one file read by <c>DataReader</c> (CSV, XLSX, DTA, Parquet), its path relative
/// to the study file.</summary>
public sealed record DataDefinition(Located<string> File, string? Sheet, IReadOnlyList<string> Na);
