namespace Panelwise.Study.Plan;

/// <summary>Checked plot settings: trend variables known to exist and a panel time to average them by.</summary>
public sealed record PlannedPlots(IReadOnlyList<string> Trend, string TrendTitle);
