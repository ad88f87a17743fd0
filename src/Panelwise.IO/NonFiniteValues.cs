using System.Globalization;
using Panelwise.Data;

namespace Panelwise.IO;

/// <summary>Infinite values are refused at reading, in every reader and every spelling, with the file, row and column:
/// a single infinity would otherwise turn every estimate into NaN. NaN itself is read as missing (README, "Missing
/// values"), so only ±∞ is checked here.</summary>
internal static class NonFiniteValues
{
    /// <summary>True for text that spells an infinity: inf, infinity or ∞ in any case, with an optional sign
    /// (what R, Python, Julia, Excel exports and .NET write).</summary>
    public static bool SpellsInfinity(ReadOnlySpan<byte> text)
    {
        if (!text.IsEmpty && (text[0] == (byte)'+' || text[0] == (byte)'-')) text = text[1..];
        return text.SequenceEqual("\u221E"u8) || AsciiEquals(text, "inf"u8) || AsciiEquals(text, "infinity"u8);
    }

    /// <summary>Throws for the first infinite value of a freshly read numeric column (row 1 = first data row).</summary>
    public static void Check(string? source, string column, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (double.IsInfinity(values[i]))
                throw DataException.InfiniteValue(source, i + 1, column, values[i].ToString(CultureInfo.InvariantCulture));
    }

    private static bool AsciiEquals(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        if (text.Length != lower.Length) return false;
        for (int i = 0; i < text.Length; i++)
            if ((text[i] | 0x20) != lower[i]) return false;
        return true;
    }
}
