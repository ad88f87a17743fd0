using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>Column widths of a Word table from its content, in twentieths of a point (twips), and the page it needs.
/// A 10.5 pt Times New Roman character is at most ~5.75 pt wide on average (115 twips, digits are 5.25 pt); an East Asian
/// character is a full em (10.5 pt), counted as two such units by <see cref="DisplayWidth"/>. Each column is as wide as
/// its widest entry plus the cell margins, so no label or interval wraps; a table wider than a portrait A4 text block
/// (or with more than <see cref="PortraitColumnLimit"/> data columns) goes on a landscape page.</summary>
internal static class WordColumnWidths
{
    public const int TwipsPerUnit = 115;
    public const int CellMargins = 2 * 108 + 60;
    public const int PortraitColumnLimit = 7;
    public const int PageShort = 11906, PageLong = 16838, PageMargin = 1440;

    public static int PortraitTextWidth => PageShort - 2 * PageMargin;
    public static int LandscapeTextWidth => PageLong - 2 * PageMargin;

    /// <summary>Width of the stub column then of each data column.</summary>
    public static int[] Of(TableModel table)
    {
        var units = new int[table.ColumnCount + 1];
        void Take(int column, string text) => units[column] = Math.Max(units[column], DisplayWidth.Of(text));
        Take(0, table.StubHeader);
        foreach (var header in table.HeaderRows)
            for (int c = 0; c < header.Count; c++) Take(c + 1, header[c]);
        foreach (var row in table.Groups.SelectMany(g => g.Rows))
        {
            Take(0, row.Label);
            for (int c = 0; c < row.Cells.Count; c++) Take(c + 1, row.Cells[c].Plain);
        }
        var widths = units.Select(u => Math.Max(4, u) * TwipsPerUnit + CellMargins).ToArray();
        int available = Landscape(table, widths) ? LandscapeTextWidth : PortraitTextWidth;
        int total = widths.Sum();
        // Wider than even a landscape page: shrink every column in proportion (cells may then wrap; nothing is cut).
        return total <= available ? widths : widths.Select(w => (int)((long)w * available / total)).ToArray();
    }

    public static bool Landscape(TableModel table, int[] widths) =>
        table.ColumnCount > PortraitColumnLimit || widths.Sum() > PortraitTextWidth;
}
