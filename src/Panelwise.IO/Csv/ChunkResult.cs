using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>How the parser treats a file column.</summary>
internal enum ColumnMode : byte { Skip, Auto, Text }

/// <summary>What one chunk saw in one column: the file-wide type is only known once all chunks are in.</summary>
internal enum ChunkKind : byte { Empty, Numeric, Text }

/// <summary>Per-chunk, per-column outcome. Local rows are 0-based within the chunk.</summary>
internal sealed class ChunkColumn
{
    public ChunkKind Kind;

    /// <summary>First row whose value was text (when <see cref="Kind"/> is Text).</summary>
    public int TextStartRow = -1;
    public byte[]? TextStartValue;

    /// <summary>First unparsable value after numbers; the chunk stops filling the column there.</summary>
    public int FailRow = -1;
    public byte[]? FailValue;

    public ByteLevelTable? Levels;
}

/// <summary>Everything a chunk parse produced besides the values written into the shared output arrays.</summary>
internal sealed class ChunkResult(int columns)
{
    public int Rows;
    public readonly ChunkColumn?[] Columns = new ChunkColumn?[columns];

    /// <summary>First structural error (ragged row, open quote): local row and a factory taking the global row.</summary>
    public int ErrorRow = -1;
    public Func<long, DataException>? Error;

    public void Fail(int row, Func<long, DataException> make)
    {
        if (ErrorRow >= 0 && ErrorRow <= row) return; // the earliest error of the chunk is the one reported
        ErrorRow = row;
        Error = make;
    }
}
