namespace Panelwise.Design;

/// <summary>The note on rows that leave the sample for missing values, in one wording wherever the sample is built
/// (in memory, or on a database engine): each dropped row counted against the first model variable missing in it.</summary>
public static class MissingValuesNote
{
    /// <summary>The note, or null when no row was dropped; <paramref name="drops"/> in the order the variables were checked.</summary>
    public static Note? For(IReadOnlyList<(string Label, long Count)> drops) => For(drops.Sum(d => d.Count), drops);

    /// <summary>The note for <paramref name="dropped"/> rows, or null when none was.</summary>
    public static Note? For(long dropped, IReadOnlyList<(string Label, long Count)> drops)
    {
        if (dropped == 0) return null;
        var named = drops.Where(d => d.Count > 0).ToList();
        return new Note(NoteKind.Sample, "missing_values", $"{dropped} {(dropped == 1 ? "observation" : "observations")} dropped: missing values in " +
                        string.Join(", ", named.Select(d => $"{d.Label} ({d.Count})")), [.. named.Select(d => d.Label)]);
    }
}
