using System.Text;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Report;

/// <summary>One self-describing HTML page with a study's tables (drawn by <see cref="HtmlTableWriter"/>), its figures
/// (PNG shown, SVG linked, both referenced by relative path) and its notes. The text depends only on the content, so
/// the same study gives a byte-identical report.</summary>
public static class ReportWriter
{
    private const string PageStyle = """
        body { font-family: "Times New Roman", "SimSun", serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }
        section.table { margin: 2em 0; }
        figure { margin: 2em 0; }
        figure img { max-width: 100%; }
        figcaption { font-weight: bold; padding-top: 0.4em; }
        p.preface { border-left: 4px solid #b22222; padding: 0.2em 0 0.2em 0.8em; }
        """;

    public static string Write(ReportContent content)
    {
        string title = content.Title.Length > 0 ? content.Title : "Panelwise report";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>\n").Append(HtmlTableWriter.Style).Append('\n').Append(PageStyle).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        foreach (var paragraph in content.Preface) html.Append("<p class=\"preface\">").Append(Encode(paragraph)).Append("</p>\n");
        if (content.Tables.Count > 0)
        {
            html.Append("<h2>Tables</h2>\n");
            for (int t = 0; t < content.Tables.Count; t++)
                html.Append("<section class=\"table\" id=\"table-").Append(t + 1).Append("\">\n")
                    .Append(HtmlTableWriter.WriteFragment(content.Tables[t])).Append("</section>\n");
        }
        if (content.Figures.Count > 0)
        {
            html.Append("<h2>Figures</h2>\n");
            for (int f = 0; f < content.Figures.Count; f++)
            {
                var figure = content.Figures[f];
                html.Append("<figure id=\"figure-").Append(f + 1).Append("\">\n")
                    .Append("<img src=\"").Append(Path(figure.Png)).Append("\" alt=\"").Append(Encode(figure.Caption)).Append("\">\n")
                    .Append("<figcaption>Figure ").Append(f + 1).Append(": ").Append(Encode(figure.Caption))
                    .Append(" (<a href=\"").Append(Path(figure.Svg)).Append("\">SVG</a>)</figcaption>\n</figure>\n");
            }
        }
        if (content.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul>\n");
            foreach (var note in content.Notes) html.Append("<li>").Append(Encode(note)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes <c>report.html</c> to <paramref name="directory"/> and returns its path.</summary>
    public static string WriteFile(ReportContent content, string directory)
    {
        Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, "report.html");
        File.WriteAllText(path, Write(content), new UTF8Encoding(false));
        return path;
    }

    private static string Encode(string value) => HtmlTableWriter.Encode(value);

    // Relative paths with forward slashes whatever the platform; characters special in HTML escaped.
    private static string Path(string relative) => Encode(relative.Replace('\\', '/'));
}
