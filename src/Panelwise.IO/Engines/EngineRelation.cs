using Npgsql;
using Panelwise.Data;
using Panelwise.IO.Sql;

namespace Panelwise.IO.Engines;

/// <summary>A relation that lives on an engine and is never fetched unless asked: the table or query of an engine
/// source, with the keyword classifications applied to it so far as derived columns (<see cref="Classify"/>).
/// <see cref="Body"/> is the SELECT that defines it on the engine; <see cref="EngineQuery"/> lets a query name it, and
/// <see cref="Fetch"/> brings it over when a query must run locally.</summary>
public sealed record EngineRelation
{
    public required EngineSource Source { get; init; }

    /// <summary>The SELECT defining the relation, in the engine's SQL.</summary>
    public required string Body { get; init; }

    /// <summary>Its columns with the engine's type names (text, integer, double precision, ...).</summary>
    public required IReadOnlyList<(string Name, string Type)> Columns { get; init; }

    /// <summary>The relation of <paramref name="source"/> (its table or query), described without reading a row.</summary>
    /// <exception cref="DataException">Cannot connect, no such table, or a query the engine rejects.</exception>
    public static EngineRelation Open(EngineSource source) => EngineErrors.Guard(source, () =>
    {
        string body = $"SELECT * FROM {source.Relation}";
        using var connection = Connect(source);
        using var command = new NpgsqlCommand($"SELECT * FROM ({body}) AS panelwise_describe LIMIT 0", connection);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        return new EngineRelation { Source = source, Body = body, Columns = columns };
    });

    /// <summary>The relation with the 0/1 integer column <see cref="KeywordRule.Into"/> added on the engine, with the
    /// same matching as the local classifier (<see cref="EngineKeywordSql"/>), and the counts of what it did, from one
    /// aggregate pass on the engine (one row crosses the wire). A missing or empty text is 0 and counted as missing.</summary>
    /// <exception cref="SqlException">No keywords or an empty one, an unknown or non-text column, an existing column.</exception>
    /// <exception cref="DataException">The engine's errors (connection, permissions).</exception>
    /// <param name="rule">The classification (its table is this relation).</param>
    /// <param name="caseFolding">The DuckDB session whose case folding the match reproduces (<see cref="SqlSession.CaseOrbits"/>).</param>
    public (EngineRelation Classified, KeywordCounts Counts) Classify(KeywordRule rule, SqlSession caseFolding)
    {
        if (rule.Keywords.Count == 0) throw SqlException.NoKeywords();
        if (rule.Keywords.Any(k => k.Length == 0)) throw SqlException.EmptyKeyword("keywords");
        if (rule.Exclude.Any(k => k.Length == 0)) throw SqlException.EmptyKeyword("exclude");
        var text = Columns.FirstOrDefault(c => c.Name == rule.Text);
        if (text.Name is null) throw SqlException.UnknownColumn(rule.Text, rule.Table, Columns.Select(c => c.Name));
        if (text.Type is not ("text" or "character varying" or "character")) throw SqlException.NotText(rule.Text, rule.Table, text.Type);
        if (Columns.Any(c => string.Equals(c.Name, rule.Into, StringComparison.OrdinalIgnoreCase)))
            throw SqlException.ColumnExists(rule.Into, rule.Table);
        string column = EngineSource.Quote(rule.Text);
        var orbits = caseFolding.CaseOrbits(rule.Keywords.Concat(rule.Exclude).Where(KeywordMatch.HasCase).SelectMany(w => w.EnumerateRunes()));
        string hit = $"coalesce({EngineKeywordSql.Any(column, rule.Keywords, orbits)}, false)";
        string veto = rule.Exclude.Count == 0 ? "false" : $"coalesce({EngineKeywordSql.Any(column, rule.Exclude, orbits)}, false)";
        string flags = $"SELECT {hit} AS h, {veto} AS v, {column} AS t FROM ({Body}) AS panelwise_classify";
        var counts = EngineErrors.Guard(Source, () =>
        {
            using var connection = Connect(Source);
            using var command = new NpgsqlCommand($"""
                SELECT count(*), count(*) FILTER (WHERE h AND NOT v), count(*) FILTER (WHERE h AND v),
                       count(*) FILTER (WHERE t IS NULL OR t = '')
                FROM ({flags}) AS panelwise_counts
                """, connection);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new KeywordCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        });
        var classified = this with
        {
            Body = $"SELECT *, ({hit} AND NOT {veto})::integer AS {EngineSource.Quote(rule.Into)} FROM ({Body}) AS panelwise_classify",
            Columns = [.. Columns, (rule.Into, "integer")],
        };
        return (classified, counts);
    }

    /// <summary>Every row and column of the relation, named <paramref name="display"/>, with what crossed the wire.</summary>
    /// <exception cref="DataException">The engine's errors, or an infinite value.</exception>
    public (Frame Frame, EngineTransfer Transfer) Fetch(string display) => EngineErrors.Guard(Source, () =>
    {
        using var connection = Connect(Source);
        return EngineReader.Collect(connection, $"SELECT * FROM ({Body}) AS panelwise_fetch", display);
    });

    internal static NpgsqlConnection Connect(EngineSource source)
    {
        var connection = new NpgsqlConnection(source.ConnectionString);
        connection.Open();
        return connection;
    }
}
