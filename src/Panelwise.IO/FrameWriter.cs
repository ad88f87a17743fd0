using System.Globalization;
using System.Text;
using Panelwise.Data;

namespace Panelwise.IO;

/// <summary>Writes a <see cref="Frame"/> as CSV: UTF-8 without BOM, comma-separated, numbers as round-trip doubles
/// ("R" format, so reading the file back gives the same bits), missing values as empty fields, text quoted when it
/// holds a comma, quote or line break.</summary>
public static class FrameWriter
{
    /// <summary>Writes to a temporary file next to <paramref name="path"/> and then moves it into place, so a
    /// failure never leaves a half-written file. An empty path or an existing folder is the user's error.</summary>
    public static void WriteCsv(Frame frame, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path)) throw DataException.BadOutputPath(path);
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            WriteCsv(frame, writer);
        File.Move(temp, full, overwrite: true);
    }

    public static void WriteCsv(Frame frame, TextWriter writer)
    {
        writer.Write(string.Join(",", frame.Columns.Select(c => Quote(c.Name))));
        writer.Write('\n');
        var line = new StringBuilder();
        for (int row = 0; row < frame.RowCount; row++)
        {
            line.Clear();
            for (int c = 0; c < frame.Columns.Count; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(Cell(frame.Columns[c], row));
            }
            line.Append('\n');
            writer.Write(line);
        }
    }

    private static string Cell(Column column, int row) => column switch
    {
        NumericColumn n when double.IsNaN(n.Values[row]) => "",
        NumericColumn n => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        CategoricalColumn c => c.ValueAt(row) is { } text ? Quote(text) : "",
        _ => "",
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
