using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TableModel = Panelwise.Render.Tables.TableModel;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Panelwise.Render.Writers;

/// <summary>A Word document holding the table as a three-line table (thick rules at top and bottom, thin rules under
/// the header and between row groups), its title as a caption (Word's "Caption" style) above, notes below, Times New
/// Roman with SimSun for Chinese. Column widths come from the content (<see cref="WordColumnWidths"/>: labels and
/// numbers do not wrap, a long header may take two lines); rows never break across pages, a coefficient row is kept
/// on the page of the standard-error row under it, the header repeats on every page, and a wide table gets a
/// landscape A4 page.</summary>
public static class DocxTableWriter
{
    public static void Write(TableModel table, Stream destination)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Explicit relationship ids: the library would draw random ones, and the file would differ on every run.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var styles = main.AddNewPart<StyleDefinitionsPart>("rId1");
            styles.Styles = CaptionStyle();
            var (widths, landscape) = WordColumnWidths.Of(table);
            var body = new Body();
            if (table.Title.Length > 0) body.Append(Paragraph(table.Title, bold: true, centred: true, style: "Caption", keepNext: true));
            body.Append(BuildTable(table, widths));
            foreach (var note in table.Notes) body.Append(Paragraph(note, bold: false, centred: false, halfPoints: 18));
            body.Append(Section(landscape));
            main.Document = new Document(body);
            main.Document.Save();
        }
        DeterministicZip.Repack(buffer, destination);
    }

    private static Table BuildTable(TableModel table, int[] widths)
    {
        var result = new Table(new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12 },
                new BottomBorder { Val = BorderValues.Single, Size = 12 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = WordColumnWidths.CellSideMargin, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = WordColumnWidths.CellSideMargin, Type = TableWidthValues.Dxa })));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        for (int h = 0; h < table.HeaderRows.Count; h++)
        {
            bool last = h == table.HeaderRows.Count - 1;
            result.Append(Row(h == 0 ? table.StubHeader : "", table.HeaderRows[h], widths, (false, last), header: true, keepNext: true));
        }
        var rows = table.Groups.SelectMany((g, gi) => g.Rows.Select((r, ri) => (Row: r, NewGroup: gi > 0 && ri == 0))).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            // A row continued by an unlabelled row (the standard error or interval of its coefficient) stays with it.
            bool continued = i + 1 < rows.Count && rows[i + 1].Row.Label.Length == 0;
            result.Append(Row(rows[i].Row.Label, rows[i].Row.Cells.Select(c => c.Plain).ToList(), widths, (rows[i].NewGroup, false), header: false, continued));
        }
        return result;
    }

    private static TableRow Row(string stub, IReadOnlyList<string> cells, int[] widths, (bool Above, bool Below) rules, bool header, bool keepNext)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(Cell(stub, widths[0], centred: false, rules, keepNext, wrap: false));
        for (int c = 0; c < cells.Count; c++) row.Append(Cell(cells[c], widths[c + 1], centred: true, rules, keepNext, wrap: header));
        return row;
    }

    private static TableCell Cell(string text, int width, bool centred, (bool Above, bool Below) rules, bool keepNext, bool wrap)
    {
        var borders = new TableCellBorders();
        if (rules.Above) borders.Append(new TopBorder { Val = BorderValues.Single, Size = 6 });
        if (rules.Below) borders.Append(new BottomBorder { Val = BorderValues.Single, Size = 6 });
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }, borders);
        if (!wrap) properties.Append(new NoWrap());
        return new TableCell(properties, Paragraph(text, bold: false, centred, keepNext: keepNext));
    }

    private static Paragraph Paragraph(string text, bool bold, bool centred, int halfPoints = 21, string? style = null, bool keepNext = false)
    {
        // Schema order inside w:rPr: fonts, bold, size (Word asks to repair a file with another order).
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "SimSun" });
        if (bold) runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        if (keepNext) properties.Append(new KeepNext());
        properties.Append(
            new SpacingBetweenLines { Before = "0", After = "0" },
            new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Left });
        var paragraph = new Paragraph(properties);
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A4 with one-inch margins, turned to landscape for a wide table.</summary>
    private static SectionProperties Section(bool landscape)
    {
        int width = landscape ? WordColumnWidths.PageLong : WordColumnWidths.PageShort;
        int height = landscape ? WordColumnWidths.PageShort : WordColumnWidths.PageLong;
        var size = new PageSize { Width = (UInt32Value)(uint)width, Height = (UInt32Value)(uint)height };
        if (landscape) size.Orient = PageOrientationValues.Landscape;
        int m = WordColumnWidths.PageMargin;
        return new SectionProperties(size, new PageMargin
        {
            Top = m, Bottom = m, Left = (UInt32Value)(uint)m, Right = (UInt32Value)(uint)m, Header = 720, Footer = 720, Gutter = 0,
        });
    }

    /// <summary>Word's built-in "Caption" paragraph style, so the title is listed as a table caption.</summary>
    private static Styles CaptionStyle() => new(
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "caption" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }))
        { Type = StyleValues.Paragraph, StyleId = "Caption" });

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
