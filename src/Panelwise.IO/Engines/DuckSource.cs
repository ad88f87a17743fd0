using DuckDB.NET.Data;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>A relation in embedded DuckDB, given as
/// <list type="bullet">
/// <item><c>duckdb:///abs/path/warehouse.duckdb?table=NAME</c> (a table, possibly <c>schema.table</c>, of a DuckDB
/// database file, opened read-only) or <c>...?query=SELECT ...</c> (URL-encoded; runs in that database);</item>
/// <item><c>duckdb:///abs/path/panel.parquet</c> (a Parquet file, or a glob such as <c>/data/part-*.parquet</c>, read
/// with read_parquet; no table= or query=);</item>
/// <item><c>duckdb://?query=SELECT ...</c> (a query in an empty in-memory database, e.g. over read_parquet or read_csv).</item>
/// </list>
/// <c>duckdb://relative/path.parquet</c> (two slashes) is relative to the current directory. The rows never leave
/// the DuckDB library inside this process except as the fit's sums (<see cref="DuckPushdown"/>).</summary>
public sealed record DuckSource
{
    private const string Scheme = "duckdb://";

    /// <summary>True for a duckdb:// source.</summary>
    public static bool IsDuckUrl(string? text) => text is not null && text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The database or Parquet file (absolute), or null for an in-memory query.</summary>
    public string? File { get; init; }

    /// <summary>True when <see cref="File"/> is Parquet (or a glob of Parquet files).</summary>
    public bool IsParquet { get; init; }

    /// <summary>The table, or null.</summary>
    public string? Table { get; init; }

    /// <summary>The query, or null.</summary>
    public string? Query { get; init; }

    /// <summary>The source as given back in messages and outputs.</summary>
    public required string Display { get; init; }

    /// <summary>The SQL relation to select from, under <paramref name="alias"/>.</summary>
    public string RelationAs(string alias) =>
        IsParquet ? $"read_parquet('{File!.Replace("'", "''")}') AS {alias}"
        : Table is { } t ? $"{string.Join('.', new[] { Attached }.Concat(t.Split('.')).Select(EngineSource.Quote))} AS {alias}"
        : $"({Query}) AS {alias}";

    /// <summary>The name under which a database file is attached.</summary>
    private const string Attached = "pw_source";

    /// <summary>Parses <paramref name="url"/>.</summary>
    /// <exception cref="DataException">Not of a form above, or the file does not exist.</exception>
    public static DuckSource Parse(string url)
    {
        string rest = url[Scheme.Length..];
        int at = rest.IndexOf('?');
        string path = Uri.UnescapeDataString(at < 0 ? rest : rest[..at]);
        string? table = null, query = null;
        foreach (string pair in (at < 0 ? "" : rest[(at + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
            switch (kv[0].ToLowerInvariant())
            {
                case "table": table = value; break;
                case "query": query = value; break;
                default: throw Bad(url, $"unknown option '{kv[0]}' (use table= or query=)");
            }
        }
        bool parquet = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
        string? file = path.Length == 0 ? null : Path.GetFullPath(path);
        string display = Scheme + (file ?? "") + (table is not null ? "?table=" + table : query is not null ? "?query=" + Shorten(query) : "");
        if (file is null && query is null)
            throw Bad(display, "give a file, duckdb:///path/warehouse.duckdb?table=NAME or duckdb:///path/panel.parquet, or ?query=SELECT...");
        if (parquet && (table is not null || query is not null))
            throw Bad(display, "a Parquet file is the relation itself: drop ?table=/?query=, or write duckdb://?query=SELECT ... FROM read_parquet('...')");
        if (!parquet && file is not null && table is null == query is null)
            throw Bad(display, "give exactly one of ?table=NAME or ?query=SELECT... (URL-encoded) after the database file");
        if (file is not null && !file.Contains('*') && !System.IO.File.Exists(file))
            throw new DataException($"Cannot read {display}: the file {file} does not exist; check the path (after duckdb:// comes an absolute " +
                                    $"path, e.g. duckdb:///data/panel.parquet, or one relative to {Environment.CurrentDirectory}).") { File = file };
        return new DuckSource { File = file, IsParquet = parquet, Table = table, Query = query, Display = display };
    }

    /// <summary>An in-memory DuckDB with the database file attached read-only (and used, so that a query's names resolve
    /// in it); extensions are never downloaded.</summary>
    internal DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:;autoinstall_known_extensions=false;autoload_known_extensions=false");
        connection.Open();
        if (File is not null && !IsParquet)
        {
            using var attach = connection.CreateCommand();
            attach.CommandText = $"ATTACH '{File.Replace("'", "''")}' AS {Attached} (READ_ONLY); USE {Attached}";
            attach.ExecuteNonQuery();
            if (Table is not null) CheckTable(connection);
        }
        return connection;
    }

    /// <summary>Names the missing table (and the tables there are) before DuckDB reports it in its own words.</summary>
    private void CheckTable(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = '{Attached}' " +
                              $"UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '{Attached}'";
        var names = new List<string>();
        bool found = false;
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                string schema = reader.GetString(0), name = reader.GetString(1);
                found |= Table == name || Table == schema + "." + name;
                names.Add(schema == "main" ? name : schema + "." + name);
            }
        if (!found)
            throw new DataException($"Cannot read {Display}: there is no table {Table} in {File}.{NameMatcher.Hint(Table!, names)} " +
                                    $"Its tables: {(names.Count == 0 ? "none" : string.Join(", ", names.Take(20)))}.") { File = File };
    }

    private static string Shorten(string query) => query.Length <= 60 ? query : query[..57] + "...";

    private static DataException Bad(string where, string what) => new($"Cannot read {where}: {what}.") { File = where };
}
