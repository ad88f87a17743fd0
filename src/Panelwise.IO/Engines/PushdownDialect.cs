namespace Panelwise.IO.Engines;

/// <summary>Where the SQL of <see cref="PushdownSql"/> differs between engines. Everything else it writes (CTEs, <c>::float8</c>,
/// <c>^</c>, <c>$n[i]</c> on array parameters, <c>bool_and</c>, <c>array_agg(... ORDER BY ...)</c>) is read alike by
/// PostgreSQL and DuckDB.</summary>
internal abstract class PushdownDialect
{
    public static PushdownDialect PostgreSql { get; } = new PostgreSqlDialect();

    public static PushdownDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>A FROM item named <paramref name="alias"/> whose rows zip the arrays (expressions, e.g. $3 or a
    /// column) into the named columns: row i holds element i of each.</summary>
    public abstract string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns);

    private sealed class PostgreSqlDialect : PushdownDialect
    {
        public override string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns) =>
            $"unnest({string.Join(", ", columns.Select(c => c.Array))}) AS {alias}({string.Join(", ", columns.Select(c => c.Column))})";
    }

    /// <summary>DuckDB's unnest takes one list; several in one SELECT list are zipped (as a lateral subquery when the
    /// lists are columns of an earlier FROM item).</summary>
    private sealed class DuckDbDialect : PushdownDialect
    {
        public override string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns) =>
            $"(SELECT {string.Join(", ", columns.Select(c => $"unnest({c.Array}) AS {c.Column}"))}) AS {alias}";
    }
}
