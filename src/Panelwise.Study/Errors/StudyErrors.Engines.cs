namespace Panelwise.Study;

/// <summary>Messages about a data step that runs on an engine.</summary>
internal static partial class StudyErrors
{
    public static string EngineSqlProblem(string file, long line, string variable, IEnumerable<string> tables, string problem) =>
        $"{file} line {line}: the engine (${variable}) cannot run the query: {Indent(problem)}\n    The query runs on the engine because " +
        $"every table it reads ({string.Join(", ", tables)}) lives there, so it is the engine's SQL (PostgreSQL), not DuckDB's: " +
        "the study's table names stand for the engine relations, any other name is the engine's own.";

    public static string EngineVariable(string file, long line, string variable, string? url) =>
        $"{file} line {line}: the data cannot be read: the environment variable {variable} must hold the engine's URL, " +
        "postgresql://user:password@host:port/database, or duckdb:///path/warehouse.duckdb when the source has no 'as' " +
        (string.IsNullOrWhiteSpace(url) ? "(it is not set)."
            : IO.Engines.DuckSource.IsDuckUrl(url) ? "(it is a duckdb:// URL: an embedded DuckDB database is read, not kept as an engine table; drop 'as' and name the table in the queries' own DuckDB step)."
            : "(it is not such a URL).");
}
