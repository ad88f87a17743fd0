using Panelwise.Results;

namespace Panelwise.Render.Tables;

/// <summary>One column of a regression table: a result and an optional title such as "OLS" or "2SLS".</summary>
public sealed record RegressionTableColumn(RegressionResult Result, string? Title = null);
