using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>A table in the fixed-width layout of Stata's output (regress, hausman, psmatch2, pstest): the stub and
/// every column at the widths of <see cref="FixedWidthLayout"/>, optional dashed rules above the header, under it and
/// under the body, notes below. A cell wider than its column pushes the rest of the line right, as a padded format
/// does; a header cell after an empty one may instead reach left over it, so a heading such as "[95% Conf. Interval]"
/// spans two columns. Lines carry no trailing blanks.</summary>
public static class FixedWidthTableWriter
{
    public static string Write(TableModel table, FixedWidthLayout layout)
    {
        if (layout.Columns.Count != table.ColumnCount + 1)
            throw new ArgumentException($"Table '{table.Title}': the layout has {layout.Columns.Count} columns, the table {table.ColumnCount + 1} with its stub.");
        var text = new StringBuilder();
        if (table.Title.Length > 0) text.Append(table.Title).Append('\n');
        string? rule = layout.Rule is int length ? new string('-', length) + "\n" : null;
        text.Append(rule);
        // The stub heading sits on the last header row, next to the body, as Stata prints "Variable".
        for (int h = 0; h < table.HeaderRows.Count; h++)
            Line(text, [h == table.HeaderRows.Count - 1 ? table.StubHeader : "", .. table.HeaderRows[h]], layout, header: true);
        if (table.HeaderRows.Count > 0) text.Append(rule);
        foreach (var row in table.Groups.SelectMany(g => g.Rows))
            Line(text, [row.Label, .. row.Cells.Select(c => c.Plain)], layout, header: false);
        text.Append(rule);
        foreach (var note in table.Notes) text.Append(note).Append('\n');
        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, FixedWidthLayout layout, bool header)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            var column = layout.Columns[i];
            line.Append(column.Before);
            string cell = !header && column.Truncate && Cut(cells[i], column.Width) is { } cut ? cut : cells[i];
            int pad = column.Width - DisplayWidth.Of(cell);
            if (column.LeftAligned)
            {
                line.Append(cell).Append(' ', Math.Max(0, pad));
                continue;
            }
            if (pad < 0 && header && i > 0 && cells[i - 1].Length == 0)
                while (pad < 0 && line.Length > 0 && line[^1] == ' ')
                {
                    line.Length--;
                    pad++;
                }
            line.Append(' ', Math.Max(0, pad)).Append(cell);
        }
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>The text cut to <paramref name="width"/> characters with a closing "~", or null when it fits.</summary>
    private static string? Cut(string text, int width) => text.Length <= width ? null : text[..(width - 1)] + "~";
}
