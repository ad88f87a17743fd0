namespace Panelwise.IO;

/// <summary>How <see cref="DataReader.Read"/> reads a file. Every property has a sensible default,
/// so <c>new ReadOptions()</c> reads all columns with auto-detected delimiter and encoding.</summary>
public sealed record ReadOptions
{
    /// <summary>The tokens read as missing in text formats (CSV, XLSX string cells). Default:
    /// "", "NA", "N/A", "NaN", ".", "-", "--", "null", "NULL".</summary>
    public static IReadOnlyList<string> DefaultNaStrings { get; } =
        ["", "NA", "N/A", "NaN", ".", "-", "--", "null", "NULL"];

    /// <summary>Read only these columns (others are skipped without parsing, which keeps memory low on
    /// large files); null reads every column. A name absent from the file is an error.</summary>
    public IReadOnlySet<string>? Columns { get; init; }

    /// <summary>XLSX sheet name; null reads the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>CSV field delimiter; null detects comma, tab or semicolon from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>CSV text encoding name (e.g. "utf-8", "gb18030"); null detects UTF-8 (with or without BOM),
    /// UTF-16 (BOM) or falls back to GB18030 when the bytes are not valid UTF-8.</summary>
    public string? Encoding { get; init; }

    /// <summary>Field values read as missing.</summary>
    public IReadOnlyList<string> NaStrings { get; init; } = DefaultNaStrings;

    /// <summary>Maximum parallelism for CSV parsing; null uses every core.</summary>
    public int? Threads { get; init; }
}
