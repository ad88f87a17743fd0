using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>An Excel workbook with one sheet per table, laid out as the table reads: title in A1, header rows, body
/// rows (stub in column A), notes under the table. Numbers are stored as numbers with a number format that shows them
/// exactly as the other formats do (see <see cref="SpreadsheetNumber"/>: stars and parentheses are literals of the
/// format, so the cell stays numeric); other cells are text. Three-line rules as cell borders (medium above the header
/// and under the last row, thin under the header and between row groups), no gridlines, column widths from the widest
/// entry (East Asian characters count two).</summary>
public static class XlsxTableWriter
{
    public static void Write(TableModel table, Stream destination, string sheetName = "Table") =>
        WriteWorkbook([(sheetName, table)], destination);

    /// <summary>One workbook holding each table on its own sheet, in order; sheet names are made valid and unique.</summary>
    public static void WriteWorkbook(IReadOnlyList<(string Name, TableModel Table)> tables, Stream destination)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the library would draw random ones, and the file would differ on every run.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var styles = new SpreadsheetStyles();
            var sheets = new Sheets();
            var names = new List<string>();
            for (int t = 0; t < tables.Count; t++)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>($"rId{t + 1}");
                sheetPart.Worksheet = Sheet(tables[t].Table, styles);
                string name = UniqueName(SafeSheetName(tables[t].Name), names);
                sheets.Append(new Sheet { Id = $"rId{t + 1}", SheetId = (uint)(t + 1), Name = name });
            }
            workbook.Workbook.Append(sheets);
            var stylePart = workbook.AddNewPart<WorkbookStylesPart>($"rId{tables.Count + 1}");
            stylePart.Stylesheet = styles.Build();
            workbook.Workbook.Save();
        }
        DeterministicZip.Repack(buffer, destination);
    }

    private static Worksheet Sheet(TableModel table, SpreadsheetStyles styles)
    {
        var data = new SheetData();
        var widths = new int[table.ColumnCount + 1];
        uint line = 1;
        if (table.Title.Length > 0) data.Append(TextRow(line++, table.Title, styles.IndexOf(new(null, Rule.None, Rule.None, false, Bold: true))));
        var rows = new List<(string Stub, IReadOnlyList<TableCell> Cells, bool NewGroup)>();
        for (int h = 0; h < table.HeaderRows.Count; h++)
            rows.Add((h == 0 ? table.StubHeader : "", table.HeaderRows[h].Select(t => new TableCell(t)).ToList(), false));
        int headerCount = rows.Count;
        for (int g = 0; g < table.Groups.Count; g++)
            for (int r = 0; r < table.Groups[g].Rows.Count; r++)
                rows.Add((table.Groups[g].Rows[r].Label, table.Groups[g].Rows[r].Cells, g > 0 && r == 0));
        for (int i = 0; i < rows.Count; i++)
        {
            var top = i == 0 ? Rule.Medium : rows[i].NewGroup && i > headerCount ? Rule.Thin : Rule.None;
            var bottom = i == rows.Count - 1 ? Rule.Medium : i == headerCount - 1 ? Rule.Thin : Rule.None;
            var row = new Row { RowIndex = line };
            for (int c = 0; c <= table.ColumnCount; c++)
            {
                var cell = c == 0 ? new TableCell(rows[i].Stub) : rows[i].Cells[c - 1];
                // Header cells stay text: a column number "(1)" or a year heading is a name, not a value.
                var number = i >= headerCount && c > 0 ? SpreadsheetNumber.From(cell) : null;
                uint style = styles.IndexOf(new CellLook(number?.Format, top, bottom, Centred: c > 0));
                row.Append(number is { } n ? NumberCell(c, line, n.Value, style) : TextCell(c, line, cell.Plain, style));
                widths[c] = Math.Max(widths[c], DisplayWidth.Of(cell.Plain));
            }
            data.Append(row);
            line++;
        }
        foreach (var note in table.Notes) data.Append(TextRow(line++, note, 0));
        var columns = new Columns(widths.Select((w, c) => new Column
        {
            Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Max(8, w + 2), CustomWidth = true,
        }));
        var view = new SheetViews(new SheetView { ShowGridLines = false, WorkbookViewId = 0 });
        return new Worksheet(view, columns, data);
    }

    private static Row TextRow(uint index, string text, uint style)
    {
        var row = new Row { RowIndex = index };
        row.Append(TextCell(0, index, text, style));
        return row;
    }

    private static Cell TextCell(int column, uint row, string text, uint style)
    {
        var cell = new Cell { CellReference = Reference(column, row), StyleIndex = style };
        if (text.Length == 0) return cell;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return cell;
    }

    private static Cell NumberCell(int column, uint row, double value, uint style) => new()
    {
        CellReference = Reference(column, row),
        StyleIndex = style,
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
    };

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int index)
    {
        string name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim('\'');
        return cleaned.Length == 0 ? "Table" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    /// <summary>Excel compares sheet names without case: a repeated name gets " (2)", " (3)", ... within 31 characters.</summary>
    private static string UniqueName(string name, List<string> taken)
    {
        string candidate = name;
        for (int k = 2; taken.Contains(candidate, StringComparer.OrdinalIgnoreCase); k++)
        {
            string suffix = $" ({k})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }
        taken.Add(candidate);
        return candidate;
    }
}
