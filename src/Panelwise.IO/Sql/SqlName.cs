using System.Text.RegularExpressions;

namespace Panelwise.IO.Sql;

/// <summary>Names in SQL text: every identifier Panelwise writes into a statement is double-quoted (so column names
/// with spaces or Chinese characters work), and every string value is a parameter or a single-quoted literal with
/// quotes doubled, so no name or value can change the statement.</summary>
public static partial class SqlName
{
    /// <summary>A table name a user can write bare in SQL: an ASCII letter, then letters, digits or '_'. Reserved
    /// keywords are rejected separately by <see cref="SqlSession"/>, which asks DuckDB for its list.</summary>
    public static bool IsPlainIdentifier(string name) => PlainIdentifier().IsMatch(name);

    /// <summary><c>"name"</c> with inner double quotes doubled.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary><c>'text'</c> with inner single quotes doubled (for file paths in table functions, which take no parameters).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
