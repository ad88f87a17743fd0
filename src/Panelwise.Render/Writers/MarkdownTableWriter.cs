using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>A GitHub-flavoured Markdown table: the first header row is the Markdown header, further header rows are
/// the first body rows; stars and underscores are escaped so that "0.12***" and "_cons" show literally.</summary>
public static class MarkdownTableWriter
{
    public static string Write(TableModel table)
    {
        var text = new StringBuilder();
        if (table.Title.Length > 0) text.Append("**").Append(Escape(table.Title)).Append("**\n\n");
        var headers = table.HeaderRows.Count > 0 ? table.HeaderRows : [Enumerable.Repeat("", table.ColumnCount).ToList()];
        Line(text, table.StubHeader, headers[0].Select(Escape));
        text.Append("|:---|").Append(string.Concat(Enumerable.Repeat(":---:|", table.ColumnCount))).Append('\n');
        foreach (var row in headers.Skip(1)) Line(text, "", row.Select(Escape));
        foreach (var row in table.Groups.SelectMany(g => g.Rows)) Line(text, row.Label, row.Cells.Select(c => Escape(c.Plain)));
        if (table.Notes.Count > 0) text.Append('\n').AppendJoin("\n\n", table.Notes.Select(Escape)).Append('\n');
        return text.ToString();
    }

    private static void Line(StringBuilder text, string stub, IEnumerable<string> cells) =>
        text.Append("| ").Append(Escape(stub)).Append(" | ").AppendJoin(" | ", cells).Append(" |\n");

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c is '\\' or '*' or '_' or '|' or '`' or '<' or '>') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }
}
