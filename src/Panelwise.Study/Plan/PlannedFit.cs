using Panelwise.Estimation;
using Panelwise.Models;

namespace Panelwise.Study.Plan;

/// <summary>A checked regression column: a formula (csw()/sw() variants become several table columns), its options,
/// and the test rows it fills (the table's <c>tests:</c> plus its own; null = every row of the table).</summary>
public sealed record PlannedFit(string Formula, FitOptions Options, string? Title)
{
    public IReadOnlySet<string>? Tests { get; init; }

    /// <summary>Propensity-score matching to run first; null = the full sample.</summary>
    public PlannedMatch? Match { get; init; }
}
