using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>A compact left-aligned table for the terminal, as the index and group commands print theirs: the title
/// line, the header (stub heading and the first header row), one dashed rule, the rows; columns padded to their display
/// width and separated by two spaces, trailing blanks trimmed; notes below. Row groups are not separated.</summary>
public static class ConsoleTableWriter
{
    public static string Write(TableModel table)
    {
        var lines = new List<string[]>();
        if (table.HeaderRows.Count > 0) lines.Add([table.StubHeader, .. table.HeaderRows[0]]);
        foreach (var row in table.Groups.SelectMany(g => g.Rows)) lines.Add([row.Label, .. row.Cells.Select(c => c.Plain)]);
        int columns = table.ColumnCount + 1;
        var widths = Enumerable.Range(0, columns).Select(c => lines.Count == 0 ? 0 : lines.Max(l => DisplayWidth.Of(l[c]))).ToArray();
        var text = new StringBuilder();
        if (table.Title.Length > 0) text.Append(table.Title).Append('\n');
        for (int i = 0; i < lines.Count; i++)
        {
            text.Append(string.Join("  ", lines[i].Select((c, k) => DisplayWidth.PadRight(c, widths[k]))).TrimEnd()).Append('\n');
            if (i == 0 && table.HeaderRows.Count > 0) text.Append('-', widths.Sum() + 2 * (columns - 1)).Append('\n');
        }
        foreach (var note in table.Notes) text.Append(note).Append('\n');
        return text.ToString();
    }
}
