namespace Panelwise.Study.Definition;

/// <summary>One source of the <c>data</c> section, run in file order. Exactly one of:
/// <list type="bullet">
/// <item><see cref="File"/>: a file read by <c>DataReader</c> (CSV, XLSX, DTA, Parquet), its path relative to the
/// study file; with <see cref="As"/> it is instead loaded as a named DuckDB table for later steps (CSV, CSV.gz and
/// Parquet read by DuckDB) and not joined.</item>
/// <item><see cref="Sql"/>: a DuckDB query over the named tables and <c>frame</c> (the data assembled so far).</item>
/// <item><see cref="Classify"/>: a keyword classification adding a 0/1 column to a named table.</item>
/// <item><see cref="Engine"/>: a table or query on a PostgreSQL-protocol engine, its URL in an environment variable;
/// with <see cref="As"/> it stays on the engine as a named table, and classifications and queries over it run there.</item>
/// </list>
/// The first file without <c>as</c> or query is the base frame; every later one names the <see cref="Join"/> key
/// columns it is left-joined on.</summary>
public sealed record DataDefinition
{
    public Located<string>? File { get; init; }
    public string? Sheet { get; init; }
    public IReadOnlyList<string> Na { get; init; } = [];

    /// <summary>The table name a file is loaded under, or an engine relation is kept under (<c>as: registry</c>).</summary>
    public Located<string>? As { get; init; }

    /// <summary>The query text, located at the <c>sql:</c> line.</summary>
    public Located<string>? Sql { get; init; }

    /// <summary>The study line of the query's first line when lines map one to one (a <c>|</c> block or a one-line
    /// query), so that DuckDB's "LINE k" can be translated; null otherwise.</summary>
    public long? SqlFirstLine { get; init; }

    public ClassifyDefinition? Classify { get; init; }

    /// <summary>The environment variable holding the postgresql:// URL of an engine source (never the URL itself).</summary>
    public Located<string>? Engine { get; init; }

    /// <summary>The engine source's table or query.</summary>
    public string? EngineTable { get; init; }
    public string? EngineQuery { get; init; }

    /// <summary>Key columns present in this source and in the sources before it; empty for the base frame.</summary>
    public IReadOnlyList<Located<string>> Join { get; init; } = [];

    public long Line { get; init; }

    /// <summary>True when the source adds rows or columns to the frame (a plain file or a query).</summary>
    public bool FeedsFrame => Classify is null && As is null;

    /// <summary>How messages name the source: the file in quotes, or "the query of line N".</summary>
    public string Display => Sql is { } sql ? $"the query of line {sql.Line}"
        : Engine is { } engine ? $"the engine source of line {engine.Line} (${engine.Value})"
        : $"'{File?.Value}'";

    /// <summary><c>synthetic: true</c>: every column this source adds (all but its join keys and the panel's id and
    /// time) holds generated, not observed, values, and so does a table loaded with <c>as</c>; reports mark them and
    /// everything derived from them. <c>false</c>: declared real. Unset: a file is real, and a query is synthetic when
    /// its text names a synthetic table or column (it reads generated data).</summary>
    public bool? Synthetic { get; init; }
}
