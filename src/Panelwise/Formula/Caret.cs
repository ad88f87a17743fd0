using System.Text;

namespace Panelwise.Formula;

/// <summary>Formats "Title: problem", the source line, and a caret under the offending position.</summary>
internal static class Caret
{
    /// <summary>Sources longer than this are shown as a window around the position (a generated expression may run
    /// to thousands of characters).</summary>
    private const int Window = 60;

    public static string Format(string title, string problem, string source, int position)
    {
        if (source.Length > 2 * Window + 20)
        {
            int start = Math.Clamp(position - Window, 0, source.Length);
            int end = Math.Min(source.Length, Math.Max(position, start) + Window);
            string head = start > 0 ? "..." : "", tail = end < source.Length ? "..." : "";
            position = head.Length + Math.Min(position, source.Length) - start;
            source = head + source[start..end] + tail;
        }
        var sb = new StringBuilder();
        sb.Append(title).Append(": ").Append(problem).Append("\n  ").Append(source).Append("\n  ");
        // Wide (CJK) characters take two terminal cells, so the caret is padded by display width, not char count.
        int width = DisplayWidth(source.AsSpan(0, Math.Min(position, source.Length)));
        sb.Append(' ', width).Append('^');
        return sb.ToString();
    }

    internal static int DisplayWidth(ReadOnlySpan<char> text)
    {
        int width = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLowSurrogate(c)) continue;
            if (char.IsHighSurrogate(c)) { width += 2; continue; }
            width += IsWide(c) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(char c) =>
        (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
        || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
        || (c >= '\uFFE0' && c <= '\uFFE6');
}
