namespace Panelwise.Study;

/// <summary>What a study run wrote: every file (tables in all formats, results.json, checks.md, the prepared data) in order,
/// the notes of the data step and the estimates, and the referee checks.</summary>
public sealed record StudyOutcome(IReadOnlyList<string> Files, IReadOnlyList<string> Notes)
{
    /// <summary>What checks.md flags, by table and column.</summary>
    public IReadOnlyList<StudyCheck> Checks { get; init; } = [];

    /// <summary>Rows of the prepared data (data.csv).</summary>
    public int DataRows { get; init; }

    /// <summary>The data step's sentences with their counts (variables derived, indices built, rows excluded).</summary>
    public IReadOnlyList<string> DataNotes { get; init; } = [];

    /// <summary>Each table's estimation notes (distinct, in order), tables in the study's order.</summary>
    public IReadOnlyList<(string Table, IReadOnlyList<string> Notes)> TableNotes { get; init; } = [];

    /// <summary>report.html among <see cref="Files"/>, or null when none was written.</summary>
    public string? Report => Files.FirstOrDefault(f => Path.GetFileName(f) == "report.html");
}
