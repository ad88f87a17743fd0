namespace Panelwise.Render.Writers;

/// <summary>How <see cref="FixedWidthTableWriter"/> lays a table out: the stub column first, then one column per data
/// column; <see cref="Rule"/> is the length of the dashed rules drawn above the header, under it and under the body
/// (none when null).</summary>
public sealed record FixedWidthLayout(IReadOnlyList<FixedColumn> Columns, int? Rule = null);
