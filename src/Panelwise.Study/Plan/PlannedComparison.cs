using Panelwise.Estimation;
using Panelwise.Models;

namespace Panelwise.Study.Plan;

/// <summary>A checked heterogeneity table: the model fitted per level of <see cref="By"/> (on the rows passing the
/// block's filter), the levels in column order (null = every level present in the data, sorted), an optional
/// whole-sample column first, the coefficient compared (null for Chow, which tests all), the test and its settings,
/// and where the block sits in the study file (for run-time errors such as an empty group).</summary>
public sealed record PlannedComparison
{
    public required string Formula { get; init; }

    /// <summary>Covariance, panel and the block's <c>if</c> filter.</summary>
    public required FitOptions Options { get; init; }
    public required string By { get; init; }
    public IReadOnlyList<string>? Levels { get; init; }

    /// <summary>Title of the whole-sample column; null = no such column.</summary>
    public string? TotalTitle { get; init; }
    public string? Coefficient { get; init; }

    /// <summary>"suest", "chow" or "permutation".</summary>
    public required string Test { get; init; }
    public int PermutationReps { get; init; } = 1000;
    public int Seed { get; init; } = 12345;
    public required string Source { get; init; }
    public long Line { get; init; }
}
