using System.Text;

namespace Panelwise.Study;

/// <summary>The names a query's text uses, read lexically so that it works for DuckDB's and the engine's SQL alike:
/// every bare word and double-quoted identifier outside string literals ('...', E'...', $tag$...$tag$) and comments
/// (-- and /* */), except a word right after a dot (a column or a schema's table, never a study table). A study table
/// counts as read by a query when its name is among them (case-insensitive), which may over-count (a column named
/// like a table) but never misses one.</summary>
internal static class QueryNames
{
    public static HashSet<string> Of(string sql)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        bool afterDot = false;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c == '-' && At(sql, i, "--")) { i = End(sql, i, "\n"); continue; }
            if (c == '/' && At(sql, i, "/*")) { i = End(sql, i + 2, "*/"); continue; }
            if (c == '\'') { i = Quoted(sql, i, '\'', backslash: i > 0 && sql[i - 1] is 'e' or 'E', out _); afterDot = false; continue; }
            if (c == '"')
            {
                i = Quoted(sql, i, '"', backslash: false, out string name);
                if (!afterDot) names.Add(name);
                afterDot = false;
                continue;
            }
            if (c == '$' && DollarTag(sql, i) is { } tag) { i = End(sql, i + tag.Length, tag); continue; }
            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                if (!afterDot) names.Add(sql[start..i]);
                afterDot = false;
                continue;
            }
            if (!char.IsWhiteSpace(c)) afterDot = c == '.';
            i++;
        }
        return names;
    }

    private static bool At(string sql, int i, string text) => string.CompareOrdinal(sql, i, text, 0, text.Length) == 0;

    /// <summary>The index after the next <paramref name="close"/> at or after <paramref name="from"/> (the end if none).</summary>
    private static int End(string sql, int from, string close)
    {
        int at = sql.IndexOf(close, from, StringComparison.Ordinal);
        return at < 0 ? sql.Length : at + close.Length;
    }

    private static int Quoted(string sql, int i, char quote, bool backslash, out string content)
    {
        var text = new StringBuilder();
        for (i++; i < sql.Length; i++)
        {
            if (backslash && sql[i] == '\\' && i + 1 < sql.Length) { text.Append(sql[++i]); continue; }
            if (sql[i] != quote) { text.Append(sql[i]); continue; }
            if (i + 1 < sql.Length && sql[i + 1] == quote) { text.Append(quote); i++; continue; }
            content = text.ToString();
            return i + 1;
        }
        content = text.ToString();
        return sql.Length;
    }

    /// <summary>$$ or $tag$ opening a dollar-quoted string (PostgreSQL); null for $1 parameters and the like.</summary>
    private static string? DollarTag(string sql, int i)
    {
        int j = i + 1;
        while (j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_' || (j > i + 1 && char.IsDigit(sql[j])))) j++;
        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }
}
