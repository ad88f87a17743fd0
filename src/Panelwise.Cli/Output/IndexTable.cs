using System.Globalization;
using System.Text;
using Panelwise.Methods.Indices;

namespace Panelwise.Cli.Output;

/// <summary>The weights table in the shape papers print it: level, indicator, direction, weight (plus e_j and d_j for
/// the entropy method and the global weight), then the added columns and the notes.</summary>
public static class IndexTable
{
    public static string Write(IndexResult result, int sampleRows)
    {
        var header = new[] { "level", "indicator", "direction", "method", "e", "d", "weight", "global" };
        var rows = result.Weights.Select(r => new[]
        {
            r.Node, r.Label == r.Child ? r.Child : $"{r.Label} ({r.Child})", r.Direction ?? "", r.Method,
            Number(r.Entropy), Number(r.Divergence), Number(r.Weight), Number(r.GlobalWeight),
        }).ToList();
        var widths = header.Select((h, c) => rows.Select(r => Width(r[c])).Append(Width(h)).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"Index weights ({sampleRows} rows)");
        text.AppendLine(Line(header, widths));
        text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var r in rows) text.AppendLine(Line(r, widths));
        text.AppendLine();
        text.AppendLine($"Columns added: {string.Join(", ", result.Columns)}");
        foreach (var note in result.Notes) text.AppendLine($"Note: {note}");
        return text.ToString();
    }

    private static string Number(double? value) =>
        value is double v && double.IsFinite(v) ? v.ToString("F4", CultureInfo.InvariantCulture) : "";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).TrimEnd();

    /// <summary>Display width: CJK characters take two terminal columns, so tables with Chinese labels stay aligned.</summary>
    private static int Width(string text) => text.Sum(ch => ch >= 0x2E80 && ch <= 0xFFEF ? 2 : 1);
}
