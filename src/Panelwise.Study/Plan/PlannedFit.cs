using Panelwise.Estimation;

namespace Panelwise.Study.Plan;

/// <summary>A checked regression column: a formula (csw()/sw() variants become several table columns) and its options.</summary>
public sealed record PlannedFit(string Formula, FitOptions Options, string? Title);
