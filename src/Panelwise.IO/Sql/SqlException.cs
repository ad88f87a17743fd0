namespace Panelwise.IO.Sql;

/// <summary>A data step run in DuckDB failed: a query DuckDB rejects, an unknown table or column, a bad name or a
/// result type Panelwise cannot hold. Messages are built here by static factories; each says what, where and the fix.
/// The study runner prefixes them with the study file and line.</summary>
public sealed class SqlException : UserInputException
{
    public SqlException(string message) : base(message) { }

    /// <summary>DuckDB's own message (syntax, catalog or binder error), e.g. "Catalog Error: Table with name x does not exist!".</summary>
    public static SqlException Query(string duckDbMessage) => new(duckDbMessage.TrimEnd());

    public static SqlException BadName(string name, string what) =>
        new($"'{name}' is not a usable {what}: use letters, digits and '_', starting with a letter, and not an SQL keyword (select, from, table, ...).");

    public static SqlException UnknownTable(string table, IEnumerable<string> known)
    {
        var names = known.ToList();
        string list = names.Count == 0 ? "none yet" : string.Join(", ", names);
        return new($"there is no table '{table}'.{Panelwise.Data.NameMatcher.Hint(table, names)} Tables so far: {list}.");
    }

    public static SqlException UnknownColumn(string column, string table, IEnumerable<string> known)
    {
        var names = known.ToList();
        string hint = Panelwise.Data.NameMatcher.Hint(column, names);
        return new($"table '{table}' has no column '{column}'.{hint} Its columns: {string.Join(", ", names.Take(30))}{(names.Count > 30 ? ", ..." : "")}.");
    }

    public static SqlException NotText(string column, string table, string type) =>
        new($"column '{column}' of table '{table}' is {type}, not text: keywords are searched in a text (VARCHAR) column.");

    public static SqlException ColumnExists(string column, string table) =>
        new($"table '{table}' already has a column '{column}': give the new column another name.");

    public static SqlException NoKeywords() =>
        new("a keyword classification needs at least one keyword, e.g. keywords: [人工智能, 机器学习].");

    public static SqlException EmptyKeyword(string list) =>
        new($"an empty keyword in '{list}' would match every text: remove it.");

    public static SqlException UnsupportedType(string column, string type) =>
        new($"result column '{column}' is of type {type}, which a data frame cannot hold: cast it in the query (e.g. CAST({column} AS VARCHAR) or a number).");
}
