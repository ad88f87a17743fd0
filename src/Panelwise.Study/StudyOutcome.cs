namespace Panelwise.Study;

/// <summary>What a study run wrote: every file (tables in all formats, results.json, the prepared data) in order, and
/// the notes of the data step and the estimates.</summary>
public sealed record StudyOutcome(IReadOnlyList<string> Files, IReadOnlyList<string> Notes);
