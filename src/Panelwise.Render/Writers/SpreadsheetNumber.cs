using System.Globalization;
using System.Text.RegularExpressions;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>A table cell as an Excel number: the value shown (parsed from the builder's text, so the digits are those of
/// every other format) and a number format that reproduces the cell exactly — the decimals shown, thousands separators,
/// and whatever surrounds the number (parentheses or brackets around a standard error, significance stars) as quoted
/// literals, e.g. <c>"("0.000")"</c> or <c>0.000"***"</c>. The cell stays numeric, so a reader can compute with it, and
/// still reads as in the paper. Text that is not a plain number ("Yes", "&lt;0.001", "[0.1, 0.3]") stays text.</summary>
internal sealed partial record SpreadsheetNumber(double Value, string Format)
{
    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.(\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    public static SpreadsheetNumber? From(TableCell cell)
    {
        string text = cell.Text.Replace('\u2212', '-');
        var match = PlainNumber().Match(text);
        if (!match.Success) return null;
        string plain = cell.Plain.Replace('\u2212', '-');
        int at = plain.IndexOf(text, StringComparison.Ordinal);
        // A quote cannot sit inside a quoted literal of a number format: such a cell stays text.
        if (at < 0 || plain.Contains('"')) return null;
        int decimals = match.Groups[4].Value.Length;
        string number = (match.Groups[2].Success ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        string format = Literal(plain[..at]) + number + Literal(plain[(at + text.Length)..]);
        double value = double.Parse(text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
        // Excel shows a negative zero as "-0.000"; the builders never print one, so neither should the sheet.
        return new SpreadsheetNumber(value == 0 ? 0 : value, format);
    }

    /// <summary>Text shown as is inside a number format: quoted.</summary>
    private static string Literal(string text) => text.Length == 0 ? "" : "\"" + text + "\"";
}
