namespace Panelwise.Study;

/// <summary>An <c>if</c> condition of an index or table: the rows it keeps and excludes, the units (e.g. provinces)
/// it excludes entirely, and the time span it keeps.</summary>
public sealed record SampleReport(string Condition, IReadOnlyList<string> UsedBy, int Rows, int Kept, int UnitsKept,
    IReadOnlyList<string> UnitsExcluded, double? FirstTime, double? LastTime) : DataStepReport
{
    public override string Kind => "sample";

    public override string Describe() =>
        $"if \"{Condition}\" ({string.Join(", ", UsedBy)}): keeps {Kept} of {Rows} rows ({Rows - Kept} excluded), "
        + $"{Count(UnitsKept, "unit", "units")}, years {Year(FirstTime)}-{Year(LastTime)}; "
        + (UnitsExcluded.Count == 0 ? "no unit excluded entirely." : $"units excluded entirely: {string.Join(", ", UnitsExcluded)}.");
}
