namespace Panelwise.Render.Writers;

/// <summary>One column of a fixed-width console table: its width in terminal columns, its alignment, the text printed
/// before it (a gap such as " ", a rule such as " | ", the stub's indentation), and whether a longer body cell is cut
/// to the width with a closing "~", as Stata abbreviates names.</summary>
public sealed record FixedColumn(int Width, bool LeftAligned = false, string Before = "", bool Truncate = false);
