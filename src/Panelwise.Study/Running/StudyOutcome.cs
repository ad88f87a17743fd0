namespace Panelwise.Study;

/// <summary>What a study run wrote: every file (tables in all formats, results.json, checks.md, the prepared data) in order,
/// the notes of the data step and the estimates, and the referee checks.</summary>
public sealed record StudyOutcome(IReadOnlyList<string> Files, IReadOnlyList<string> Notes)
{
    /// <summary>What checks.md flags, by table and column.</summary>
    public IReadOnlyList<StudyCheck> Checks { get; init; } = [];
}
