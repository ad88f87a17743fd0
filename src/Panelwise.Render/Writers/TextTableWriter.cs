using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>A plain-text table for the terminal: columns padded to their display width (Chinese characters count
/// as two), dashed rules around the header and between row groups, notes below.</summary>
public static class TextTableWriter
{
    public static string Write(TableModel table)
    {
        var lines = new List<string[]>();
        for (int h = 0; h < table.HeaderRows.Count; h++) lines.Add([h == 0 ? table.StubHeader : "", .. table.HeaderRows[h]]);
        foreach (var row in table.Groups.SelectMany(g => g.Rows)) lines.Add([row.Label, .. row.Cells.Select(c => c.Plain)]);
        int columns = table.ColumnCount + 1;
        var widths = Enumerable.Range(0, columns).Select(c => lines.Count == 0 ? 0 : lines.Max(l => DisplayWidth.Of(l[c]))).ToArray();
        string rule = new('-', widths.Sum() + 2 * (columns - 1));
        var text = new StringBuilder();
        if (table.Title.Length > 0) text.Append(table.Title).Append('\n');
        text.Append(rule).Append('\n');
        int line = 0;
        for (int h = 0; h < table.HeaderRows.Count; h++) Append(text, lines[line++], widths);
        foreach (var group in table.Groups)
        {
            text.Append(rule).Append('\n');
            foreach (var _ in group.Rows) Append(text, lines[line++], widths);
        }
        text.Append(rule).Append('\n');
        foreach (var note in table.Notes) text.Append(note).Append('\n');
        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        var parts = cells.Select((c, i) => i == 0 ? DisplayWidth.PadRight(c, widths[i]) : DisplayWidth.PadLeft(c, widths[i]));
        text.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
    }
}
