using Panelwise.Render.Tables;
using Panelwise.Study.Definition;

namespace Panelwise.Study.Plan;

/// <summary>A checked descriptive, correlation or VIF block.</summary>
public sealed record PlannedSummary(SummaryKind Kind, IReadOnlyList<string> Variables, IReadOnlyList<SummaryStatistic> Statistics, string? If);
