using DocumentFormat.OpenXml.Packaging;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Xunit;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Panelwise.Tests.Render;

/// <summary>Issue 17 item 3, read back with OpenXml: Excel cells numeric with number formats that reproduce the shown
/// text, three-line borders, widths that fit (Chinese counts double), notes under the table; Word widths from content,
/// unbroken rows, coefficient kept with its standard error, caption style and landscape pages for wide tables.</summary>
public class OfficeLayoutTests
{
    private static SpreadsheetDocument OpenXlsx(TableModel table, MemoryStream stream)
    {
        XlsxTableWriter.Write(table, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static (Sheet.Cell Cell, Sheet.CellFormat Format, string? Code, Sheet.Border Border) Look(SpreadsheetDocument document, string reference)
    {
        var workbook = document.WorkbookPart!;
        var cell = workbook.WorksheetParts.Single().Worksheet!.Descendants<Sheet.Cell>().Single(c => c.CellReference!.Value == reference);
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var format = styles.CellFormats!.Elements<Sheet.CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        string? code = styles.NumberingFormats!.Elements<Sheet.NumberingFormat>()
            .FirstOrDefault(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value)?.FormatCode!.Value;
        var border = styles.Borders!.Elements<Sheet.Border>().ElementAt((int)format.BorderId!.Value);
        return (cell, format, code, border);
    }

    [Fact]
    public void Xlsx_numbers_are_numeric_with_formats_that_show_stars_and_parentheses()
    {
        using var stream = new MemoryStream();
        using var document = OpenXlsx(SampleTables.HandBuilt(), stream);
        var coefficient = Look(document, "B4");
        Assert.Null(coefficient.Cell.DataType);
        Assert.Equal("0.123", coefficient.Cell.CellValue!.Text);
        Assert.Equal("0.000\"***\"", coefficient.Code);
        var negative = Look(document, "C4");
        Assert.Equal("-0.045", negative.Cell.CellValue!.Text);
        Assert.Equal("0.000\"*\"", negative.Code);
        var stdError = Look(document, "C5");
        Assert.Null(stdError.Cell.DataType);
        Assert.Equal("\"(\"0.000\")\"", stdError.Code);
        var count = Look(document, "B8");
        Assert.Equal("200", count.Cell.CellValue!.Text);
        Assert.Equal("0", count.Code);
        // Not plain numbers: text as shown.
        Assert.Equal(Sheet.CellValues.InlineString, Look(document, "B7").Cell.DataType!.Value);
        Assert.Equal("Yes", Look(document, "B7").Cell.InnerText);
        Assert.Equal(Sheet.CellValues.InlineString, Look(document, "C9").Cell.DataType!.Value);
        Assert.Equal("0.90%", Look(document, "C9").Cell.InnerText);
    }

    [Fact]
    public void Xlsx_draws_three_rules_and_the_group_rules_as_borders()
    {
        using var stream = new MemoryStream();
        using var document = OpenXlsx(SampleTables.HandBuilt(), stream);
        static Sheet.BorderStyleValues? Top(Sheet.Border b) => b.TopBorder?.Style?.Value;
        static Sheet.BorderStyleValues? Bottom(Sheet.Border b) => b.BottomBorder?.Style?.Value;
        var medium = Sheet.BorderStyleValues.Medium;
        var thin = Sheet.BorderStyleValues.Thin;
        foreach (string column in new[] { "A", "B", "C" })
        {
            Assert.Equal(medium, Top(Look(document, column + "2").Border));      // top rule over the header
            Assert.Equal(thin, Bottom(Look(document, column + "3").Border));     // rule under the header
            Assert.Equal(thin, Top(Look(document, column + "7").Border));        // between row groups
            Assert.Equal(thin, Top(Look(document, column + "8").Border));
            Assert.Equal(medium, Bottom(Look(document, column + "9").Border));   // bottom rule
            Assert.Null(Top(Look(document, column + "5").Border));
            Assert.Null(Bottom(Look(document, column + "5").Border));
        }
        Assert.Null(Look(document, "A10").Border.BottomBorder?.Style);
        Assert.Null(Look(document, "A10").Border.TopBorder?.Style);            // the notes have no rules
    }

    [Fact]
    public void Xlsx_column_widths_fit_content_counting_chinese_double()
    {
        var table = new TableModel
        {
            HeaderRows = [["(1)"]],
            Groups = [new RowGroup([new TableRow("人工智能嵌入程度", [new TableCell("0.123456", "***")])])],
            Notes = ["A long note that must not widen the label column at all."],
        }.Validated();
        using var stream = new MemoryStream();
        using var document = OpenXlsx(table, stream);
        var columns = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Sheet.Column>().ToList();
        Assert.Equal(16 + 2, columns[0].Width!.Value);        // 8 Chinese characters = 16 columns, plus a margin
        Assert.Equal(11 + 2, columns[1].Width!.Value);        // "0.123456***"
        Assert.Equal("A long note that must not widen the label column at all.", document.WorkbookPart.WorksheetParts.Single().Worksheet!
            .Descendants<Sheet.Cell>().Single(c => c.CellReference!.Value == "A3").InnerText);
    }

    [Fact]
    public void Xlsx_workbook_holds_one_sheet_per_table_with_unique_names()
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.WriteWorkbook([("baseline", SampleTables.HandBuilt()), ("Baseline", SampleTables.HandBuilt()), ("a/b", SampleTables.HandBuilt())], stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var names = document.WorkbookPart!.Workbook!.Descendants<Sheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["baseline", "Baseline (2)", "a_b"], names);
        Assert.Equal(3, document.WorkbookPart.WorksheetParts.Count());
    }

    private static Word.Body DocxBody(TableModel table, MemoryStream stream)
    {
        DocxTableWriter.Write(table, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false).MainDocumentPart!.Document!.Body!;
    }

    [Fact]
    public void Docx_widths_come_from_content_and_cells_do_not_wrap()
    {
        var table = SampleTables.HandBuilt() with
        {
            Groups = [new RowGroup([new TableRow("人工智能嵌入程度", [new TableCell("0.123", "***"), new TableCell("[0.101, 0.145]")])])],
        };
        using var stream = new MemoryStream();
        var body = DocxBody(table, stream);
        var grid = body.Descendants<Word.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        Assert.Equal(16 * WordColumnWidths.TwipsPerUnit + WordColumnWidths.CellMargins, grid[0]);
        // "[0.101, 0.145]": 8 digits (1 unit each), 6 narrow characters ([ . , space . ]) at 0.6: 11.6 units.
        Assert.Equal((int)Math.Ceiling(11.6 * WordColumnWidths.TwipsPerUnit) + WordColumnWidths.CellMargins, grid[2]);
        Assert.True(grid[0] > grid[1]);
        Assert.Equal(Word.TableLayoutValues.Fixed, body.Descendants<Word.TableLayout>().Single().Type!.Value);
        var rows = body.Descendants<Word.TableRow>().ToList();
        Assert.All(rows.Skip(2).SelectMany(r => r.Elements<Word.TableCell>()), c => Assert.NotNull(c.TableCellProperties!.GetFirstChild<Word.NoWrap>()));
        Assert.All(rows.Take(2), r => Assert.NotNull(r.Elements<Word.TableCell>().First().TableCellProperties!.GetFirstChild<Word.NoWrap>()));
    }

    /// <summary>Six columns under a long Chinese dependent-variable label fit a portrait page: the header takes two
    /// lines, the numbers and the label column do not wrap.</summary>
    [Fact]
    public void Docx_six_columns_with_a_long_chinese_header_stay_portrait()
    {
        const string response = "创新链布局重构效能";
        var table = new TableModel
        {
            Title = "表3 基准回归结果",
            HeaderRows = [[.. Enumerable.Range(1, 6).Select(i => $"({i})")], [.. Enumerable.Range(1, 6).Select(_ => response)]],
            Groups = [new RowGroup([
                new TableRow("人工智能嵌入程度", [.. Enumerable.Range(1, 6).Select(_ => new TableCell("0.362", "***"))]),
                new TableRow("", [.. Enumerable.Range(1, 6).Select(_ => new TableCell("0.062", Parenthesised: true))])])],
        }.Validated();
        using var stream = new MemoryStream();
        var body = DocxBody(table, stream);
        Assert.Null(body.Elements<Word.SectionProperties>().Single().GetFirstChild<Word.PageSize>()!.Orient);
        var grid = body.Descendants<Word.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        Assert.Equal(16 * WordColumnWidths.TwipsPerUnit + WordColumnWidths.CellMargins, grid[0]);
        Assert.True(grid.Sum() <= WordColumnWidths.PortraitTextWidth, $"{grid.Sum()} twips");
        // Each number column holds "0.362***" on one line and half the header (two lines of 9 units at most).
        Assert.All(grid.Skip(1), w => Assert.True(w >= 9 * WordColumnWidths.TwipsPerUnit + WordColumnWidths.CellMargins, $"{w}"));
        var header = body.Descendants<Word.TableRow>().ElementAt(1).Elements<Word.TableCell>().Skip(1);
        Assert.All(header, c => Assert.Null(c.TableCellProperties!.GetFirstChild<Word.NoWrap>()));
    }

    [Fact]
    public void Docx_keeps_a_coefficient_with_its_standard_error_and_rows_unbroken()
    {
        using var stream = new MemoryStream();
        var rows = DocxBody(SampleTables.HandBuilt(), stream).Descendants<Word.TableRow>().ToList();
        static bool KeptWithNext(Word.TableRow row) => row.Descendants<Word.Paragraph>().All(p => p.ParagraphProperties!.KeepNext is not null);
        Assert.True(KeptWithNext(rows[2]));    // 数字经济 0.123***, followed by its standard error
        Assert.False(KeptWithNext(rows[3]));   // the standard error row itself
        Assert.False(KeptWithNext(rows[4]));   // _cons has no row under it
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<Word.CantSplit>()));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<Word.TableHeader>());
    }

    [Fact]
    public void Docx_title_is_a_caption_and_wide_tables_get_a_landscape_page()
    {
        using var narrow = new MemoryStream();
        var body = DocxBody(SampleTables.HandBuilt(), narrow);
        var caption = body.Elements<Word.Paragraph>().First();
        Assert.Equal("Caption", caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.NotNull(caption.ParagraphProperties.KeepNext);
        Assert.Null(body.Elements<Word.SectionProperties>().Single().GetFirstChild<Word.PageSize>()!.Orient);

        var wide = SampleTables.HandBuilt() with
        {
            HeaderRows = [[.. Enumerable.Range(1, 8).Select(i => $"({i})")]],
            Groups = [new RowGroup([new TableRow("x", [.. Enumerable.Range(1, 8).Select(_ => new TableCell("0.1"))])])],
        };
        using var stream = new MemoryStream();
        var size = DocxBody(wide.Validated(), stream).Elements<Word.SectionProperties>().Single().GetFirstChild<Word.PageSize>()!;
        Assert.Equal(Word.PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);
    }

    /// <summary>The schema validator finds no error: Word and Excel open the files without a repair prompt.</summary>
    [Fact]
    public void Office_files_pass_the_openxml_schema_validator()
    {
        var validator = new DocumentFormat.OpenXml.Validation.OpenXmlValidator();
        using var xlsx = new MemoryStream();
        using (var document = OpenXlsx(SampleTables.HandBuilt(), xlsx))
            Problems(validator.Validate(document));
        using var docx = new MemoryStream();
        DocxTableWriter.Write(SampleTables.HandBuilt(), docx);
        docx.Position = 0;
        using var word = WordprocessingDocument.Open(docx, false);
        Problems(validator.Validate(word));
    }

    private static void Problems(IEnumerable<DocumentFormat.OpenXml.Validation.ValidationErrorInfo> errors)
    {
        string text = string.Join("\n", errors.Select(e => e.Description + " at " + e.Path?.XPath));
        if (text.Length > 0) Assert.Fail(text);
    }
}
