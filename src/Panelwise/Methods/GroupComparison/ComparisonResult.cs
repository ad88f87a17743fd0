namespace Panelwise.Methods.GroupComparison;

/// <summary>Per-group fits and the equality tests between every pair of groups.</summary>
public sealed record ComparisonResult(IReadOnlyList<GroupFit> Groups, IReadOnlyList<EqualityTest> Tests, IReadOnlyList<Note> Notes);
