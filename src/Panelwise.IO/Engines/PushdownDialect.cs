namespace Panelwise.IO.Engines;

/// <summary>Where the SQL of <see cref="PushdownSql"/> differs between engines. Everything else it writes (CTEs, <c>::float8</c>,
/// <c>^</c>, <c>$n[i]</c> on array parameters, <c>bool_and</c>) is read alike by
/// PostgreSQL and DuckDB.</summary>
internal abstract class PushdownDialect
{
    public static PushdownDialect PostgreSql { get; } = new PostgreSqlDialect();

    public static PushdownDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>A FROM item named <paramref name="alias"/> whose rows zip the arrays (expressions, e.g. $3 or a
    /// column) into the named columns: row i holds element i of each.</summary>
    public abstract string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns);

    /// <summary>Two aggregates over a group's rows: the list of <paramref name="key"/> in ascending order (as
    /// <paramref name="keys"/>) and the list of <paramref name="value"/> in the same order (as <paramref name="values"/>).</summary>
    public abstract string SortedLists(string key, string keys, string value, string values);

    /// <summary>One text naming the pair of values (a two-way cluster intersection), distinct for distinct pairs.</summary>
    public abstract string PairKey(string a, string b);

    private sealed class PostgreSqlDialect : PushdownDialect
    {
        public override string PairKey(string a, string b) => $"json_build_array({a}, {b})::text";

        public override string SortedLists(string key, string keys, string value, string values) =>
            $"array_agg({key} ORDER BY {key}) AS {keys}, array_agg({value} ORDER BY {key}) AS {values}";

        public override string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns) =>
            $"unnest({string.Join(", ", columns.Select(c => c.Array))}) AS {alias}({string.Join(", ", columns.Select(c => c.Column))})";
    }

    /// <summary>DuckDB's unnest takes one list; several in one SELECT list are zipped (as a lateral subquery when the
    /// lists are columns of an earlier FROM item).</summary>
    private sealed class DuckDbDialect : PushdownDialect
    {
        public override string PairKey(string a, string b) => $"json_array({a}, {b})::text";

        /// <summary>DuckDB keeps a sort buffer per group for an ordered aggregate (out of memory at 1e7 rows with 6e5
        /// groups): one unordered list of (key, value) pairs, sorted afterwards (pairs order by key first), is split.</summary>
        public override string SortedLists(string key, string keys, string value, string values)
        {
            string pairs = $"list_sort(array_agg(struct_pack(k := {key}, v := {value})))";
            return $"list_transform({pairs}, x -> x.k) AS {keys}, list_transform({pairs}, x -> x.v) AS {values}";
        }

        public override string Zip(string alias, IReadOnlyList<(string Array, string Column)> columns) =>
            $"(SELECT {string.Join(", ", columns.Select(c => $"unnest({c.Array}) AS {c.Column}"))}) AS {alias}";
    }
}
