using Panelwise.Methods.Matching;

namespace Panelwise.Study.Plan;

/// <summary>A checked <c>match:</c> block: the matching as <c>panelwise match</c> runs it (logit score, nearest
/// neighbours without replacement in MatchIt's largest-score-first order, optional caliper); the column's regression
/// then runs on the matched sample weighted by psmatch2's <c>_weight</c>.</summary>
public sealed record PlannedMatch(MatchingSpec Spec);
