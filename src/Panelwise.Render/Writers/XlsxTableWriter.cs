using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>An Excel workbook with one sheet laid out as the table reads: title in A1, header rows, body rows (stub
/// in column A), notes below. Cells hold the displayed text (stars and parentheses included) as inline strings, so
/// the digits are exactly those of the other formats.</summary>
public static class XlsxTableWriter
{
    public static void Write(TableModel table, Stream destination, string sheetName = "Table")
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Explicit relationship ids: the library would draw random ones, and the file would differ on every run.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            var data = new SheetData();
            uint line = 1;
            if (table.Title.Length > 0) data.Append(Row(line++, [table.Title]));
            for (int h = 0; h < table.HeaderRows.Count; h++)
                data.Append(Row(line++, [h == 0 ? table.StubHeader : "", .. table.HeaderRows[h]]));
            foreach (var row in table.Groups.SelectMany(g => g.Rows))
                data.Append(Row(line++, [row.Label, .. row.Cells.Select(c => c.Plain)]));
            foreach (var note in table.Notes) data.Append(Row(line++, [note]));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SafeSheetName(sheetName) });
            workbook.Workbook.Save();
        }
        DeterministicZip.Repack(buffer, destination);
    }

    private static Row Row(uint index, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = index };
        for (int c = 0; c < values.Count; c++)
        {
            if (values[c].Length == 0) continue;
            row.Append(new Cell
            {
                CellReference = ColumnName(c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[c]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        string name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return cleaned.Length == 0 ? "Table" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
