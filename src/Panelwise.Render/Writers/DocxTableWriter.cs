using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TableModel = Panelwise.Render.Tables.TableModel;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Panelwise.Render.Writers;

/// <summary>A Word document holding the table as a three-line table (thick rules at top and bottom, thin rules under
/// the header and between row groups), caption above, notes below, Times New Roman with SimSun for Chinese.</summary>
public static class DocxTableWriter
{
    public static void Write(TableModel table, Stream destination)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // An explicit relationship id: the library would draw a random one, and the file would differ on every run.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var body = new Body();
            if (table.Title.Length > 0) body.Append(Paragraph(table.Title, bold: true, centred: true));
            body.Append(BuildTable(table));
            foreach (var note in table.Notes) body.Append(Paragraph(note, bold: false, centred: false, halfPoints: 18));
            main.Document = new Document(body);
            main.Document.Save();
        }
        DeterministicZip.Repack(buffer, destination);
    }

    private static Table BuildTable(TableModel table)
    {
        var result = new Table(new TableProperties(
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12 },
                new BottomBorder { Val = BorderValues.Single, Size = 12 })));
        for (int h = 0; h < table.HeaderRows.Count; h++)
        {
            bool last = h == table.HeaderRows.Count - 1;
            result.Append(Row(h == 0 ? table.StubHeader : "", table.HeaderRows[h], ruleAbove: false, ruleBelow: last));
        }
        for (int g = 0; g < table.Groups.Count; g++)
            for (int r = 0; r < table.Groups[g].Rows.Count; r++)
            {
                var row = table.Groups[g].Rows[r];
                result.Append(Row(row.Label, row.Cells.Select(c => c.Plain).ToList(), ruleAbove: g > 0 && r == 0, ruleBelow: false));
            }
        return result;
    }

    private static TableRow Row(string stub, IReadOnlyList<string> cells, bool ruleAbove, bool ruleBelow)
    {
        var row = new TableRow();
        row.Append(Cell(stub, centred: false, ruleAbove, ruleBelow));
        foreach (var text in cells) row.Append(Cell(text, centred: true, ruleAbove, ruleBelow));
        return row;
    }

    private static TableCell Cell(string text, bool centred, bool ruleAbove, bool ruleBelow)
    {
        var borders = new TableCellBorders();
        if (ruleAbove) borders.Append(new TopBorder { Val = BorderValues.Single, Size = 6 });
        if (ruleBelow) borders.Append(new BottomBorder { Val = BorderValues.Single, Size = 6 });
        return new TableCell(new TableCellProperties(borders), Paragraph(text, bold: false, centred));
    }

    private static Paragraph Paragraph(string text, bool bold, bool centred, int halfPoints = 21)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "SimSun" },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) runProperties.Append(new Bold());
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0" },
            new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Left }));
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
