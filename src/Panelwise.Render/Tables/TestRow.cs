namespace Panelwise.Render.Tables;

/// <summary>A test-statistic row of a regression table: <paramref name="Key"/> is a name of <see cref="TestRowCatalog"/> ("f", "kp_f", ...) or a
/// key of <c>RegressionResult.Tests</c> (e.g. "f_u", "bp_lm"); <paramref name="Label"/> is what the row shows.</summary>
public sealed record TestRow(string Key, string Label);
