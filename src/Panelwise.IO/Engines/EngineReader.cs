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
    public static Frame Read(EngineSource source, ReadOptions options) => EngineErrors.Guard(source, () =>
    {
        using var connection = new NpgsqlConnection(source.ConnectionString);
        connection.Open();
        var available = ColumnNames(connection, source);
        var wanted = options.Columns is { } set ? available.Where(set.Contains).ToList() : available;
        foreach (string name in options.Columns ?? (IEnumerable<string>)[])
            if (!available.Contains(name)) throw DataException.MissingColumn(source.Display, name, available);
        string list = wanted.Count == 0 ? "1" : string.Join(", ", wanted.Select(EngineSource.Quote));
        using var command = new NpgsqlCommand($"SELECT {list} FROM {source.Relation}", connection);
        using var reader = command.ExecuteReader();
        var collectors = wanted.Select((n, i) => Collector.For(n, reader.GetFieldType(i))).ToList();
        int row = 0;
        while (reader.Read())
        {
            for (int j = 0; j < collectors.Count; j++) collectors[j].Read(reader, j, row, source.Display);
            row++;
        }
        return new Frame([.. collectors.Select(c => c.Build(row))], source.Display);
    });

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
        public abstract void Read(NpgsqlDataReader reader, int ordinal, int row, string source);
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

        public override void Read(NpgsqlDataReader reader, int ordinal, int row, string source)
        {
            if (row == _values.Length) Array.Resize(ref _values, _values.Length * 2);
            double v = reader.IsDBNull(ordinal) ? double.NaN
                : reader.GetFieldType(ordinal) == typeof(bool) ? (reader.GetBoolean(ordinal) ? 1 : 0)
                : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            if (double.IsInfinity(v))
                throw DataException.InfiniteValue(source, row + 1, Name, v > 0 ? "Infinity" : "-Infinity");
            _values[row] = v;
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

        public override void Read(NpgsqlDataReader reader, int ordinal, int row, string source) =>
            _values.Add(reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null);

        public override Column Build(int rows) => CategoricalColumn.FromStrings(Name, _values);
    }
}
