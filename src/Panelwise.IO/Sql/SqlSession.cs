using DuckDB.NET.Data;
using Panelwise.Data;

namespace Panelwise.IO.Sql;

/// <summary>An in-memory DuckDB database for a data step: load files and frames as named tables, classify texts by
/// keywords, and run SQL whose result comes back as a <see cref="Frame"/>. DuckDB works column-wise on all cores and
/// reads compressed files as it goes, so a registry of tens of millions of rows is handled the same way as a small
/// one (5 million firms: about 5 s to classify). Extensions are never
/// downloaded (the built-in parquet, json and icu are enough), so a run needs no network.
/// <example><code>
/// using var sql = new SqlSession();
/// sql.Load("registry", "registry.csv.gz");
/// var counts = sql.Classify(new KeywordRule("registry", "business_scope", "is_ai", ["人工智能"]));
/// sql.Register("frame", provinces);
/// Frame result = sql.Query("SELECT province, year, count(*) AS n FROM registry WHERE is_ai = 1 GROUP BY ALL");
/// </code></example></summary>
public sealed partial class SqlSession : IDisposable
{
    /// <summary>DuckDB would otherwise try to download an extension (e.g. excel) on first use.</summary>
    private const string ConnectionString = "DataSource=:memory:;autoinstall_known_extensions=false;autoload_known_extensions=false";

    private readonly DuckDBConnection _connection;
    private HashSet<string>? _reserved;

    public SqlSession()
    {
        _connection = new DuckDBConnection(ConnectionString);
        _connection.Open();
    }

    /// <summary>The tables defined so far, in name order.</summary>
    public IReadOnlyList<string> Tables()
    {
        var names = new List<string>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name";
        using var reader = command.ExecuteReader();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>The columns of <paramref name="table"/> with their DuckDB types (VARCHAR, BIGINT, DOUBLE, ...).</summary>
    /// <exception cref="SqlException">No such table.</exception>
    public IReadOnlyList<(string Name, string Type)> Columns(string table)
    {
        var columns = new List<(string, string)>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index";
        command.Parameters.Add(new DuckDBParameter(table));
        using (var reader = command.ExecuteReader())
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        if (columns.Count == 0 && !Tables().Contains(table)) throw SqlException.UnknownTable(table, Tables());
        return columns;
    }

    /// <summary>Checks that <paramref name="name"/> can be written bare in SQL: see <see cref="SqlName.IsPlainIdentifier"/>,
    /// and not one of DuckDB's reserved keywords.</summary>
    public bool IsUsableName(string name)
    {
        if (!SqlName.IsPlainIdentifier(name)) return false;
        if (_reserved is null)
        {
            _reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) _reserved.Add(reader.GetString(0));
        }
        return !_reserved.Contains(name);
    }

    /// <summary>Copies <paramref name="frame"/> into table <paramref name="table"/>, replacing a table of that name
    /// (the Appender; whole-number columns become BIGINT, others DOUBLE, text VARCHAR, NaN NULL).</summary>
    public void Register(string table, Frame frame) => Run(() => FrameTable.Write(_connection, table, frame));

    /// <summary>Runs <paramref name="sql"/> (one or more statements separated by ';') and returns the result of the
    /// last one as a frame: numbers and BOOLEAN as numeric columns (NULL = NaN), text as categorical, DATE and
    /// TIMESTAMP as ISO text. <paramref name="source"/> names the result in later messages.</summary>
    /// <exception cref="SqlException">DuckDB's message (syntax, unknown table or column, type error), or a result
    /// type a frame cannot hold (LIST, STRUCT, BLOB, ...).</exception>
    public Frame Query(string sql, string? source = null) => Run(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        var frame = Read(reader, source);
        while (reader.NextResult()) frame = Read(reader, source);
        return frame;
    });

    /// <summary>Runs a statement that returns nothing (CREATE, ALTER, UPDATE, ...).</summary>
    public void Execute(string sql) => Run(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    });

    public void Dispose() => _connection.Dispose();

    private static Frame Read(DuckDBDataReader reader, string? source)
    {
        var columns = new ResultColumn[reader.FieldCount];
        for (int c = 0; c < columns.Length; c++)
            columns[c] = ResultColumn.For(reader.GetName(c), reader.GetDataTypeName(c));
        int rows = 0;
        while (reader.Read())
        {
            for (int c = 0; c < columns.Length; c++) columns[c].Read(reader, c, rows);
            rows++;
        }
        var built = columns.Select(c => c.Build(rows)).ToList();
        foreach (var column in built.OfType<NumericColumn>()) NonFiniteValues.Check(source, column.Name, column.Values);
        return new Frame(built, source);
    }

    /// <summary>Turns DuckDB's exception into a <see cref="SqlException"/> carrying its message.</summary>
    private static T Run<T>(Func<T> action)
    {
        try { return action(); }
        catch (DuckDBException ex) { throw SqlException.Query(ex.Message); }
    }

    private static void Run(Action action) => Run(() => { action(); return 0; });
}
