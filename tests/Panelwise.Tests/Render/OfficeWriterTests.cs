using DocumentFormat.OpenXml.Packaging;
using Panelwise.Render.Writers;
using Xunit;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Panelwise.Tests.Render;

/// <summary>The .docx and .xlsx files opened again with the OpenXml library: cells in place, Chinese intact, and the
/// same bytes when written twice.</summary>
public class OfficeWriterTests
{
    [Fact]
    public void Docx_holds_title_cells_and_notes()
    {
        using var stream = new MemoryStream();
        DocxTableWriter.Write(SampleTables.HandBuilt(), stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("表 2: Baseline & robustness", body.Elements<Word.Paragraph>().First().InnerText);
        var rows = body.Elements<Word.Table>().Single().Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["变量", "(1)", "(2)"], rows[0]);
        Assert.Equal(["数字经济", "0.123***", "-0.045*"], rows[2]);
        Assert.Equal(["", "(0.010)", "(0.020)"], rows[3]);
        Assert.Equal(8, rows.Count);
        Assert.Equal("* p<0.1, ** p<0.05, *** p<0.01.", body.Elements<Word.Paragraph>().Last().InnerText);
    }

    [Fact]
    public void Xlsx_holds_the_table_cell_by_cell()
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(SampleTables.HandBuilt(), stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var cells = sheet.Descendants<Sheet.Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
        Assert.Equal("表 2: Baseline & robustness", cells["A1"]);
        Assert.Equal("投资 <log>", cells["C3"]);
        Assert.Equal("数字经济", cells["A4"]);
        // Numbers are numeric cells whose format shows stars and parentheses: value 0.123 reads "0.123***".
        Assert.Equal("0.123", cells["B4"]);
        Assert.Equal("0.02", cells["C5"]);
        Assert.Equal("", cells["C6"]);   // an empty cell holds only its borders
        Assert.Equal("* p<0.1, ** p<0.05, *** p<0.01.", cells["A11"]);
    }

    [Fact]
    public void Office_files_are_byte_identical_when_written_twice()
    {
        byte[] Docx() { using var s = new MemoryStream(); DocxTableWriter.Write(SampleTables.HandBuilt(), s); return s.ToArray(); }
        byte[] Xlsx() { using var s = new MemoryStream(); XlsxTableWriter.Write(SampleTables.HandBuilt(), s); return s.ToArray(); }
        Assert.Equal(Docx(), Docx());
        Assert.Equal(Xlsx(), Xlsx());
    }
}
