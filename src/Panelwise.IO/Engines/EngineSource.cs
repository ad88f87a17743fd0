using System.Text;
using Npgsql;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>A table or query on a PostgreSQL-protocol engine (PostgreSQL, Citus and other compatible servers), given
/// as <c>postgresql://user[:password]@host[:port]/database?table=NAME</c> or <c>...?query=SELECT ...</c> (URL-encoded).
/// <see cref="Display"/> is the form used in messages and outputs: the password is never in it.</summary>
public sealed record EngineSource
{
    /// <summary>The URL schemes read as PostgreSQL sources.</summary>
    public static bool IsEngineUrl(string? text) =>
        text is not null && (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
                             text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string (holds the password when one was given: never print it).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>postgresql://user@host:port/db?table=NAME, without the password.</summary>
    public required string Display { get; init; }

    /// <summary>The table (possibly schema-qualified), or null for a query source.</summary>
    public string? Table { get; init; }

    /// <summary>The query, or null for a table source.</summary>
    public string? Query { get; init; }

    /// <summary>The SQL relation to select from: the quoted table name or the parenthesised query.</summary>
    public string Relation => RelationAs("source_query");

    /// <summary>The relation under the alias <paramref name="alias"/>.</summary>
    public string RelationAs(string alias) => Table is { } t ? $"{QuoteQualified(t)} AS {alias}" : $"({Query}) AS {alias}";

    /// <summary>Parses <paramref name="url"/>.</summary>
    /// <exception cref="DataException">Not a valid postgresql:// URL, or neither table= nor query= is given.</exception>
    public static EngineSource Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw Bad(url, "it is not a URL of the form postgresql://user@host:port/database?table=NAME");
        string user = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        string? password = uri.UserInfo.Contains(':') ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : null;
        string database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        int port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port;
        string? table = null, query = null;
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
            switch (kv[0].ToLowerInvariant())
            {
                case "table": table = value; break;
                case "query": query = value; break;
            }
        }
        string where = $"postgresql://{(user.Length > 0 ? user + "@" : "")}{uri.Host}:{port}/{database}";
        if (table is null == query is null)
            throw Bad(where, "give exactly one of ?table=NAME or ?query=SELECT... (URL-encoded)");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = port, Database = database.Length == 0 ? null : database,
            Username = user.Length == 0 ? null : user, Password = password,
            // A cluster without TLS is the common test and warehouse-internal setup; TLS is used when offered.
            SslMode = SslMode.Prefer, Timeout = 10, CommandTimeout = 0,
        };
        string display = where + (table is not null ? $"?table={table}" : "?query=" + Shorten(query!));
        return new EngineSource { ConnectionString = builder.ConnectionString, Display = display, Table = table, Query = query };
    }

    /// <summary>A double-quoted identifier (embedded quotes doubled), as PostgreSQL writes one.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string QuoteQualified(string name) => string.Join('.', name.Split('.').Select(Quote));

    private static string Shorten(string query) => query.Length <= 60 ? query : query[..57] + "...";

    private static DataException Bad(string where, string what)
    {
        // The URL may carry a password: name only what precedes the user information.
        var text = new StringBuilder(where.Contains('@') && Uri.TryCreate(where, UriKind.Absolute, out var u)
            ? $"{u.Scheme}://{u.Host}" : "the postgresql:// source");
        return new DataException($"Cannot read {text}: {what}.") { File = text.ToString() };
    }
}
