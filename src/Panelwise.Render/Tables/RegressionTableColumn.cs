using Panelwise.Results;

namespace Panelwise.Render.Tables;

/// <summary>One column of a regression table: a result and an optional title such as "OLS" or "2SLS".</summary>
public sealed record RegressionTableColumn(RegressionResult Result, string? Title = null)
{
    /// <summary>The test rows (keys of <see cref="RegressionTableOptions.Tests"/>) this column fills; null = all of them.
    /// A study's column-level <c>tests:</c> shows a row in that column only.</summary>
    public IReadOnlySet<string>? Tests { get; init; }
}
