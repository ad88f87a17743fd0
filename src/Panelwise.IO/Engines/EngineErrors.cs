using Npgsql;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>Turns what the server or the network reports into user errors that name the source (never its password)
/// and say what to do; server error codes are PostgreSQL's SQLSTATE classes.</summary>
internal static class EngineErrors
{
    public static DataException From(EngineSource source, Exception error) => error switch
    {
        PostgresException pg => pg.SqlState switch
        {
            "42P01" => Problem(source, $"no such table ({pg.MessageText.Replace("relation", "table")}): check ?table= and the schema"),
            "42703" => Problem(source, $"no such column ({pg.MessageText}): check the formula's names against the table"),
            "3D000" => Problem(source, "the database does not exist: check the path after the port"),
            "42501" => Problem(source, "permission denied: the user may not read this table"),
            _ when pg.SqlState.StartsWith("28", StringComparison.Ordinal) =>
                Problem(source, "the server refused the user or password: check the user in the URL"),
            _ when pg.SqlState.StartsWith("42", StringComparison.Ordinal) =>
                Problem(source, $"the query is not valid SQL for this server ({pg.MessageText})"),
            _ => Problem(source, $"the server reported {pg.SqlState} ({pg.MessageText})"),
        },
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException =>
            Problem(source, "cannot connect to the server: check the host and port, and that the server is running"),
        _ => throw error,
    };

    private static DataException Problem(EngineSource source, string what) =>
        new($"Cannot read {source.Display}: {what}.") { File = source.Display };

    /// <summary>Runs <paramref name="work"/>, translating the server's and the network's errors.</summary>
    public static T Guard<T>(EngineSource source, Func<T> work)
    {
        try { return work(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw From(source, e);
        }
    }
}
