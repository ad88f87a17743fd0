using System.Text;
using Npgsql;
using Panelwise.Data;
using Panelwise.IO.Sql;

namespace Panelwise.IO.Engines;

/// <summary>Runs a query on the engine where its tables live and fetches only its result. The query names the
/// relations by the study's names: each is bound by a common table expression, so the query text is sent unchanged
/// (after one opening line of bindings) and reads
/// <code>
/// WITH panelwise_rel_1 AS NOT MATERIALIZED (body of registry), ...,
///      "registry" AS NOT MATERIALIZED (SELECT * FROM panelwise_rel_1), ...
/// SELECT * FROM (
/// the query
/// ) AS panelwise_query
/// </code>
/// The bodies come first under names of their own, so a relation's definition never sees another's study name; a
/// name is bound in lower case, as the engine folds an unquoted name. Any other name is the engine's own (a table,
/// view or function there). NOT MATERIALIZED lets the planner push the query's filters into the bodies (PostgreSQL 12
/// or later).</summary>
public static class EngineQuery
{
    /// <summary>The result of <paramref name="query"/> over <paramref name="tables"/> (all on <paramref name="engine"/>),
    /// named <paramref name="display"/>, with what crossed the wire.</summary>
    /// <exception cref="SqlException">The engine rejected the query: its message, with "LINE k:" (the query's line), the
    /// line and a caret under the position it reports.</exception>
    /// <exception cref="DataException">Cannot connect, permissions, or an infinite value in the result.</exception>
    public static (Frame Frame, EngineTransfer Transfer) Run(EngineSource engine, IReadOnlyDictionary<string, EngineRelation> tables,
        string query, string display)
    {
        string text = query.TrimEnd().TrimEnd(';').TrimEnd();
        string prefix = Bindings(tables) + "SELECT * FROM (\n";
        string sql = prefix + text + "\n) AS panelwise_query";
        try
        {
            using var connection = EngineRelation.Connect(engine);
            return EngineReader.Collect(connection, sql, display);
        }
        catch (PostgresException ex) when (!ex.SqlState.StartsWith("28", StringComparison.Ordinal) && ex.SqlState != "3D000")
        {
            throw new SqlException(Message(ex, text, ex.Position - 1 - prefix.Length));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw EngineErrors.From(engine, ex);
        }
    }

    /// <summary>The WITH clause binding every study name to its relation, ending in a newline.</summary>
    public static string Bindings(IReadOnlyDictionary<string, EngineRelation> tables)
    {
        if (tables.Count == 0) return "";
        var names = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var bindings = names.Select((n, i) => $"panelwise_rel_{i + 1} AS NOT MATERIALIZED ({tables[n].Body})")
            .Concat(names.Select((n, i) => $"{EngineSource.Quote(n.ToLowerInvariant())} AS NOT MATERIALIZED (SELECT * FROM panelwise_rel_{i + 1})"));
        return "WITH " + string.Join(", ", bindings) + "\n";
    }

    /// <summary>The engine's message and hint, then, when it points into the query, "LINE k: ..." and a caret, in the
    /// form DuckDB uses (so that the study runner adds the study line the same way).</summary>
    private static string Message(PostgresException ex, string query, int offset)
    {
        var message = new StringBuilder(ex.MessageText.TrimEnd('.'));
        if (!string.IsNullOrEmpty(ex.Detail)) message.Append(" (").Append(ex.Detail.TrimEnd('.')).Append(')');
        if (!string.IsNullOrEmpty(ex.Hint)) message.Append(". ").Append(ex.Hint.TrimEnd('.'));
        message.Append('.');
        if (offset < 0 || offset > query.Length) return message.ToString();
        int start = query.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) start = 0;
        int end = query.IndexOf('\n', start);
        string line = (end < 0 ? query[start..] : query[start..end]).TrimEnd('\r');
        int number = query.AsSpan(0, start).Count('\n') + 1;
        string label = $"LINE {number}: ";
        message.Append('\n').Append(label).Append(line).Append('\n').Append(' ', label.Length + offset - start).Append('^');
        return message.ToString();
    }
}
