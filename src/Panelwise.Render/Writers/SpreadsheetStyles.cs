using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Panelwise.Render.Writers;

/// <summary>The rule above or below a cell in a three-line table: none, thin (under the header, between row groups)
/// or medium (top and bottom of the table).</summary>
internal enum Rule { None = 0, Thin = 1, Medium = 2 }

/// <summary>One look of a cell: its number format (null: text or General), the rules above and below, centred or
/// left-aligned, bold (the title).</summary>
internal readonly record struct CellLook(string? Format, Rule Top, Rule Bottom, bool Centred, bool Bold = false);

/// <summary>Collects the distinct cell looks of a workbook and builds its stylesheet: Times New Roman 11 (SimSun for
/// Chinese through Excel's font fallback), custom number formats from id 164 (below are Excel's built-ins), nine
/// borders (every top x bottom rule), one cell format per look in the order first asked for, so the file is
/// deterministic.</summary>
internal sealed class SpreadsheetStyles
{
    private readonly List<CellLook> _looks = [new(null, Rule.None, Rule.None, Centred: false)];
    private readonly List<string> _formats = [];

    /// <summary>The style index (the cell's s attribute) of a look, adding it when new.</summary>
    public uint IndexOf(CellLook look)
    {
        int index = _looks.IndexOf(look);
        if (index < 0)
        {
            _looks.Add(look);
            index = _looks.Count - 1;
        }
        if (look.Format is { } format && !_formats.Contains(format)) _formats.Add(format);
        return (uint)index;
    }

    public Stylesheet Build()
    {
        var numberingFormats = new NumberingFormats(_formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f }))
        { Count = (uint)_formats.Count };
        var fonts = new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        var borders = new Borders() { Count = 9 };
        for (int top = 0; top < 3; top++)
            for (int bottom = 0; bottom < 3; bottom++)
                borders.Append(new Border(new LeftBorder(), new RightBorder(), Side<TopBorder>((Rule)top), Side<BottomBorder>((Rule)bottom), new DiagonalBorder()));
        var cellFormats = new CellFormats(_looks.Select(CellFormat)) { Count = (uint)_looks.Count };
        return new Stylesheet(numberingFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 }, cellFormats);
    }

    private CellFormat CellFormat(CellLook look) => new(new Alignment
    {
        Horizontal = look.Centred ? HorizontalAlignmentValues.Center : HorizontalAlignmentValues.Left,
        Vertical = VerticalAlignmentValues.Center,
    })
    {
        NumberFormatId = look.Format is { } f ? (uint)(164 + _formats.IndexOf(f)) : 0,
        FontId = look.Bold ? 1u : 0u,
        FillId = 0,
        BorderId = (uint)((int)look.Top * 3 + (int)look.Bottom),
        FormatId = 0,
        ApplyNumberFormat = look.Format is not null,
        ApplyBorder = look.Top != Rule.None || look.Bottom != Rule.None,
        ApplyAlignment = true,
        ApplyFont = look.Bold,
    };

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static T Side<T>(Rule rule) where T : BorderPropertiesType, new() => rule == Rule.None ? new T()
        : new T { Style = rule == Rule.Thin ? BorderStyleValues.Thin : BorderStyleValues.Medium, Color = new Color { Indexed = 64 } };
}
