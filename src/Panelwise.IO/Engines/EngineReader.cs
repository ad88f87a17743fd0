using System.Globalization;
using Npgsql;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>Reads a table or query of a PostgreSQL-protocol engine into a <see cref="Frame"/>: only the requested
/// columns cross the wire (numbers of every numeric type and booleans as doubles, NULL and NaN as missing; text as
/// categories; anything else, e.g. dates, as its text). This is the plain pull that makes every command work on an
/// engine; <c>PushdownFit</c> avoids moving the rows for the fits it supports.</summary>
public static class EngineReader
{
    /// <exception cref="DataException">Cannot connect, no such table/column, or an infinite value.</exception>
    public static Frame Read(EngineSource source, ReadOptions options) => ReadCounted(source, options).Frame;

    /// <summary><see cref="Read"/>, also saying what crossed the wire.</summary>
    /// <exception cref="DataException">Cannot connect, no such table/column, or an infinite value.</exception>
    public static (Frame Frame, EngineTransfer Transfer) ReadCounted(EngineSource source, ReadOptions options) => EngineErrors.Guard(source, () =>
    {
        using var connection = new NpgsqlConnection(source.ConnectionString);
        connection.Open();
        var available = ColumnNames(connection, source);
        var wanted = options.Columns is { } set ? available.Where(set.Contains).ToList() : available;
        foreach (string name in options.Columns ?? (IEnumerable<string>)[])
            if (!available.Contains(name)) throw DataException.MissingColumn(source.Display, name, available);
        string list = wanted.Count == 0 ? "1" : string.Join(", ", wanted.Select(EngineSource.Quote));
        var read = Collect(connection, $"SELECT {list} FROM {source.Relation}", source.Display);
        return wanted.Count == 0 ? (new Frame([], source.Display), read.Transfer) : read;
    });

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> and reads its result as a frame named
    /// <paramref name="display"/>, with what crossed the wire: the rows and the size of their row messages.</summary>
    internal static (Frame Frame, EngineTransfer Transfer) Collect(NpgsqlConnection connection, string sql, string display)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var collectors = Enumerable.Range(0, reader.FieldCount).Select(i => Collector.For(reader.GetName(i), reader.GetFieldType(i))).ToList();
        int row = 0;
        long bytes = 0;
        while (reader.Read())
        {
            // A DataRow message: type byte, length and field count (7 bytes), then a length word and the value per field.
            bytes += 7;
            for (int j = 0; j < collectors.Count; j++) bytes += 4 + collectors[j].Read(reader, j, row, display);
            row++;
        }
        return (new Frame([.. collectors.Select(c => c.Build(row))], display), new EngineTransfer(row, bytes));
    }

    /// <summary>The relation's column names, in order (a query is described without running it).</summary>
    internal static List<string> ColumnNames(NpgsqlConnection connection, EngineSource source)
    {
        using var command = new NpgsqlCommand($"SELECT * FROM {source.Relation} LIMIT 0", connection);
        using var reader = command.ExecuteReader();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    private abstract class Collector(string name)
    {
        protected string Name { get; } = name;
        /// <summary>Reads one value; returns its size in PostgreSQL's binary format (0 for NULL).</summary>
        public abstract int Read(NpgsqlDataReader reader, int ordinal, int row, string source);
        public abstract Column Build(int rows);

        public static Collector For(string name, Type type) =>
            type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long) ||
            type == typeof(short) || type == typeof(decimal) || type == typeof(bool)
                ? new Numbers(name)
                : new Texts(name);
    }

    private sealed class Numbers(string name) : Collector(name)
    {
        private double[] _values = new double[1024];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row, string source)
        {
            if (row == _values.Length) Array.Resize(ref _values, _values.Length * 2);
            if (reader.IsDBNull(ordinal)) { _values[row] = double.NaN; return 0; }
            object value = reader.GetValue(ordinal);
            double v = value is bool b ? (b ? 1 : 0) : Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsInfinity(v))
                throw DataException.InfiniteValue(source, row + 1, Name, v > 0 ? "Infinity" : "-Infinity");
            _values[row] = v;
            return value switch
            {
                bool => 1, short => 2, int or float => 4,
                // numeric: a 8-byte header and 2 bytes per base-10000 digit.
                decimal d => 8 + 2 * ((d.ToString(CultureInfo.InvariantCulture).Count(char.IsAsciiDigit) + 3) / 4),
                _ => 8,
            };
        }

        public override Column Build(int rows)
        {
            Array.Resize(ref _values, rows);
            return new NumericColumn(Name, _values);
        }
    }

    private sealed class Texts(string name) : Collector(name)
    {
        private readonly List<string?> _values = [];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row, string source)
        {
            object? value = reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
            string? text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
            _values.Add(text is { Length: > 0 } ? text : null);
            return value switch
            {
                null => 0,
                string s => System.Text.Encoding.UTF8.GetByteCount(s),
                DateOnly => 4,
                DateTime or DateTimeOffset or TimeSpan => 8,
                _ => System.Text.Encoding.UTF8.GetByteCount(text ?? ""),
            };
        }

        public override Column Build(int rows) => CategoricalColumn.FromStrings(Name, _values);
    }
}
