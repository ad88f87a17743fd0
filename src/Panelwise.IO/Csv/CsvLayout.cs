using System.Text;

namespace Panelwise.IO.Csv;

/// <summary>What the header told us: delimiter, names, encoding, and where data rows start.</summary>
internal sealed class CsvLayout
{
    public required string Path { get; init; }
    public required byte Delimiter { get; init; }
    public required string[] Names { get; init; }
    public required Encoding Encoding { get; init; }

    /// <summary>True when the encoding was detected rather than given, so text levels may still switch to GB18030.</summary>
    public required bool EncodingGuessed { get; init; }
    public required NaMatcher Na { get; init; }

    /// <summary>Byte offset of the first data row.</summary>
    public required long DataStart { get; init; }
}
