using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>An HTML table styled as a three-line table; <see cref="Write"/> wraps it in a UTF-8 page,
/// <see cref="WriteFragment"/> gives the bare table for a report that holds several.</summary>
public static class HtmlTableWriter
{
    internal const string Style = """
        table.pw { border-collapse: collapse; border-top: 2px solid #000; border-bottom: 2px solid #000; font-family: "Times New Roman", "SimSun", serif; }
        table.pw caption { font-weight: bold; padding-bottom: 0.4em; }
        table.pw th, table.pw td { padding: 0.15em 0.8em; text-align: center; }
        table.pw th:first-child, table.pw td:first-child { text-align: left; }
        table.pw thead tr:last-child th { border-bottom: 1px solid #000; }
        table.pw tbody + tbody tr:first-child td { border-top: 1px solid #000; }
        table.pw tfoot td { text-align: left; font-size: 0.85em; }
        """;

    public static string Write(TableModel table)
    {
        var text = new StringBuilder();
        text.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(table.Title)).Append("</title>\n");
        text.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        text.Append(WriteFragment(table));
        text.Append("</body>\n</html>\n");
        return text.ToString();
    }

    public static string WriteFragment(TableModel table)
    {
        var text = new StringBuilder();
        text.Append("<table class=\"pw\">\n");
        if (table.Title.Length > 0) text.Append("<caption>").Append(Encode(table.Title)).Append("</caption>\n");
        text.Append("<thead>\n");
        for (int h = 0; h < table.HeaderRows.Count; h++)
        {
            text.Append("<tr><th>").Append(h == 0 ? Encode(table.StubHeader) : "").Append("</th>");
            foreach (var cell in table.HeaderRows[h]) text.Append("<th>").Append(Encode(cell)).Append("</th>");
            text.Append("</tr>\n");
        }
        text.Append("</thead>\n");
        foreach (var group in table.Groups)
        {
            text.Append("<tbody>\n");
            foreach (var row in group.Rows)
            {
                text.Append("<tr><td>").Append(Encode(row.Label)).Append("</td>");
                foreach (var cell in row.Cells) text.Append("<td>").Append(Cell(cell)).Append("</td>");
                text.Append("</tr>\n");
            }
            text.Append("</tbody>\n");
        }
        if (table.Notes.Count > 0)
        {
            text.Append("<tfoot>\n");
            foreach (var note in table.Notes)
                text.Append("<tr><td colspan=\"").Append(table.ColumnCount + 1).Append("\">").Append(Encode(note)).Append("</td></tr>\n");
            text.Append("</tfoot>\n");
        }
        text.Append("</table>\n");
        return text.ToString();
    }

    private static string Cell(TableCell cell)
    {
        string body = Encode(cell.Parenthesised ? $"({cell.Text})" : cell.Text);
        return cell.Stars.Length > 0 ? $"{body}<sup>{Encode(cell.Stars)}</sup>" : body;
    }

    // HtmlEncode would turn Chinese into numeric entities; only markup characters need escaping in UTF-8 pages.
    internal static string Encode(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
