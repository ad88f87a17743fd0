using Panelwise.Methods.Indices;

namespace Panelwise.Study.Plan;

/// <summary>A checked index: the spec read from its file and an optional sample filter.</summary>
public sealed record PlannedIndex(IndexSpec Spec, string? If);
