using System.Text;

namespace Panelwise.IO.Stata;

/// <summary>Variable-type codes normalised across formats: 1..2045 = str#, the rest below.</summary>
internal static class DtaType
{
    public const int StrL = 32768, Double = 65526, Float = 65527, Long = 65528, Int = 65529, Byte = 65530;

    public static int Width(int type) => type switch
    {
        Double => 8,
        Float => 4,
        Long => 4,
        Int => 2,
        Byte => 1,
        StrL => 8,
        _ => type,
    };
}

/// <summary>Everything the header sections say; offsets are absolute file positions.</summary>
internal sealed class DtaLayout
{
    public required int Release { get; init; }
    public required long Observations { get; init; }
    public required int[] Types { get; init; }
    public required string[] Names { get; init; }
    public required string[] Labels { get; init; }
    public required string[] ValueLabelNames { get; init; }

    /// <summary>Display formats (<c>%9.0g</c>, <c>%td</c>, ...), one per variable.</summary>
    public required string[] Formats { get; init; }
    public required long DataOffset { get; init; }

    /// <summary>Start of the value-label section (old formats: right after the data), or -1.</summary>
    public required long ValueLabelsOffset { get; init; }
    public long StrlsOffset { get; init; } = -1;
    public required Encoding Encoding { get; init; }
}
