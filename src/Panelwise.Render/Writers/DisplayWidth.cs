namespace Panelwise.Render.Writers;

/// <summary>Terminal columns of a text: East Asian wide characters take two, so tables with Chinese labels stay
/// aligned. Shared by the text writers.</summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        int width = 0;
        foreach (char c in text) width += IsWide(c) ? 2 : 1;
        return width;
    }

    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    public static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Of(text))) + text;

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
