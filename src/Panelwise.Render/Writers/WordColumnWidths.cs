using Panelwise.Render.Tables;

namespace Panelwise.Render.Writers;

/// <summary>Column widths of a Word table from its content, in twentieths of a point (twips), and the page it needs.
/// A width unit is 105 twips, half the 10.5 pt em: a Times New Roman digit is one unit, a Chinese character (a full em)
/// two, narrow and wide Latin letters 0.6 to 1.6 (<see cref="Units"/>). Cells
/// have 57-twip (0.1 cm) side margins. The stub column and body cells never wrap: each is as wide as its widest entry.
/// A header may wrap onto two lines (a long dependent-variable label over narrow numbers), never inside a Latin word.
/// The table stays on a portrait A4 page when it fits and has at most <see cref="PortraitColumnLimit"/> data
/// columns; otherwise it gets a landscape page.</summary>
internal static class WordColumnWidths
{
    public const int TwipsPerUnit = 105;
    public const int CellSideMargin = 57;
    public const int CellMargins = 2 * CellSideMargin + 40;
    public const int PortraitColumnLimit = 7;
    public const int PageShort = 11906, PageLong = 16838, PageMargin = 1440;

    public static int PortraitTextWidth => PageShort - 2 * PageMargin;
    public static int LandscapeTextWidth => PageLong - 2 * PageMargin;

    /// <summary>Width of the stub column then of each data column, and whether the page is landscape.</summary>
    public static (int[] Widths, bool Landscape) Of(TableModel table)
    {
        int k = table.ColumnCount;
        var full = new double[k + 1];
        var need = new double[k + 1];
        void Body(int column, string text) => need[column] = full[column] = Math.Max(full[column], Units(text));
        Body(0, table.StubHeader);
        foreach (var row in table.Groups.SelectMany(g => g.Rows))
        {
            Body(0, row.Label);
            for (int c = 0; c < row.Cells.Count; c++) Body(c + 1, row.Cells[c].Plain);
        }
        foreach (var header in table.HeaderRows)
            for (int c = 0; c < header.Count; c++)
            {
                full[c + 1] = Math.Max(full[c + 1], Units(header[c]));
                need[c + 1] = Math.Max(need[c + 1], Math.Max(LongestUnbreakable(header[c]), Math.Ceiling(Units(header[c]) / 2)));
            }
        int[] Twips(double[] units) => [.. units.Select(u => (int)Math.Ceiling(Math.Max(3, u) * TwipsPerUnit) + CellMargins)];
        int[] fullTwips = Twips(full), needTwips = Twips(need);
        bool landscape = k > PortraitColumnLimit || needTwips.Sum() > PortraitTextWidth;
        int available = landscape ? LandscapeTextWidth : PortraitTextWidth;
        if (fullTwips.Sum() <= available) return (fullTwips, landscape);
        int spare = available - needTwips.Sum();
        if (spare >= 0)
        {
            // Headers wrap only as much as needed: share the spare width in proportion to what each header still wants.
            long wanted = fullTwips.Zip(needTwips, (f, n) => (long)(f - n)).Sum();
            return ([.. fullTwips.Zip(needTwips, (f, n) => n + (int)((f - n) * (long)spare / wanted))], landscape);
        }
        // Wider than even a landscape page: shrink every column in proportion (cells may then wrap; nothing is cut).
        int total = needTwips.Sum();
        return ([.. needTwips.Select(w => (int)((long)w * available / total))], landscape);
    }

    /// <summary>Width units of a text (half-ems of 10.5 pt Times New Roman / SimSun).</summary>
    public static double Units(string text)
    {
        double units = 0;
        foreach (char c in text) units += CharUnits(c);
        return units;
    }

    /// <summary>Times New Roman advance widths in half-ems, rounded up into four classes (e.g. 'l' 0.28 em, 'm' 0.78 em,
    /// 'H' 0.72 em, digits 0.5 em): an estimate within a few percent for labels and numbers.</summary>
    private static double CharUnits(char c) =>
        DisplayWidth.Of(c.ToString()) == 2 ? 2
        : "iljtfrI.,:;()[]'!|- ".Contains(c) ? 0.6
        : c is 'm' or 'w' or 'M' or 'W' ? 1.6
        : char.IsUpper(c) ? 1.35 : 1;

    /// <summary>The widest piece a line cannot break inside: a Latin word (between spaces) or one East Asian character.</summary>
    private static double LongestUnbreakable(string text)
    {
        double longest = 0, run = 0;
        foreach (char c in text)
        {
            double w = CharUnits(c);
            if (c == ' ' || w == 2)
            {
                longest = Math.Max(longest, Math.Max(run, c == ' ' ? 0 : w));
                run = 0;
                continue;
            }
            run += w;
        }
        return Math.Max(longest, run);
    }
}
