namespace Panelwise.Data.Transforms;

/// <summary>Why <see cref="FrameJoin"/> cannot join.</summary>
public enum JoinProblemKind
{
    /// <summary>A key column is not in the left frame.</summary>
    KeyNotInLeft,
    /// <summary>A key column is not in the right frame.</summary>
    KeyNotInRight,
    /// <summary>A non-key column is in both frames.</summary>
    ColumnInBoth,
    /// <summary>A key value appears in several rows of the right frame (the join would duplicate rows).</summary>
    DuplicateKey,
    /// <summary>Rows of the left frame find no key in the right frame (their new columns would be missing).</summary>
    UnmatchedRows,
}

/// <summary>One problem of a join: its kind, the column it concerns, and for a key problem the first offending key
/// shown as "(k1 = v1, k2 = v2)", how many rows it concerns and the 1-based row of its first occurrence.</summary>
public sealed record JoinProblem(JoinProblemKind Kind, string Column, string? Key = null, int Count = 0, long? Row = null)
{
    /// <summary>For <see cref="JoinProblemKind.UnmatchedRows"/>: the left frame's row count.</summary>
    public int Rows { get; init; }

    /// <summary>The problem in words, naming the two frames.</summary>
    public string Describe(string left, string right) => Kind switch
    {
        JoinProblemKind.KeyNotInLeft => $"Join key '{Column}' is not a column of {left}: every key must be in both frames.",
        JoinProblemKind.KeyNotInRight => $"Join key '{Column}' is not a column of {right}: every key must be in both frames.",
        JoinProblemKind.ColumnInBoth => $"Column '{Column}' of {right} is already in {left} and is not a join key: join on it or drop it from one frame.",
        JoinProblemKind.DuplicateKey => $"{right} has {Count} rows with key {Key} (the first is row {Row}); a left join would duplicate rows of {left}. " +
                                        "Make the keys unique (aggregate first) or join on more columns.",
        _ => $"{Count} of {Rows} rows of {left} find no match in {right}, the first (row {Row}) with key {Key}; their new columns would be missing. " +
             "Add the missing keys or check that the key values are written the same way in both frames.",
    };
}
