using System.Text;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>Writes one table in every format next to each other: NAME.md, .tex, .html, .docx, .xlsx. Text files are
/// UTF-8 without a byte-order mark and with \n line ends, so output is identical on every platform.</summary>
public static class TableFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".md", ".tex", ".html", ".docx", ".xlsx"];

    /// <summary>The paths written, in the order of <see cref="Extensions"/>.</summary>
    public static IReadOnlyList<string> WriteAll(TableModel table, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, name);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(stem + ".md", MarkdownTableWriter.Write(table), encoding);
        File.WriteAllText(stem + ".tex", LatexTableWriter.Write(table), encoding);
        File.WriteAllText(stem + ".html", HtmlTableWriter.Write(table), encoding);
        using (var docx = File.Create(stem + ".docx")) DocxTableWriter.Write(table, docx);
        using (var xlsx = File.Create(stem + ".xlsx")) XlsxTableWriter.Write(table, xlsx, name);
        return Extensions.Select(e => stem + e).ToList();
    }
}
