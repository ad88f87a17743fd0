using DuckDB.NET.Data;
using Panelwise.Data;

namespace Panelwise.IO.Sql;

/// <summary>Copies a <see cref="Frame"/> into a DuckDB table with the Appender (DuckDB's bulk row loader). A numeric
/// column whose values are all whole numbers (below 2^53 in size) becomes BIGINT, so that years and ids print and
/// compare as integers in SQL; other numeric columns become DOUBLE; NaN becomes NULL; categorical columns become
/// VARCHAR (the level texts, not copied per row).</summary>
internal static class FrameTable
{
    private const double MaxExactInteger = 9007199254740992; // 2^53

    public static void Write(DuckDBConnection connection, string table, Frame frame)
    {
        int n = frame.Columns.Count;
        var numbers = new double[]?[n];
        var whole = new bool[n];
        var codes = new int[]?[n];
        var levels = new string[]?[n];
        var definitions = new List<string>(n);
        for (int c = 0; c < n; c++)
        {
            var column = frame.Columns[c];
            string type;
            if (column is CategoricalColumn text)
            {
                (codes[c], levels[c], type) = (text.Codes, text.Levels, "VARCHAR");
            }
            else if (column is NumericColumn number)
            {
                numbers[c] = number.Values;
                whole[c] = AllWhole(number.Values);
                type = whole[c] ? "BIGINT" : "DOUBLE";
            }
            else throw new ArgumentException($"Unsupported column type {column.GetType().Name}.", nameof(frame));
            definitions.Add($"{SqlName.Quote(column.Name)} {type}");
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"CREATE OR REPLACE TABLE {SqlName.Quote(table)} ({string.Join(", ", definitions)})";
            command.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender(table);
        for (int r = 0; r < frame.RowCount; r++)
        {
            var row = appender.CreateRow();
            for (int c = 0; c < n; c++)
            {
                if (numbers[c] is { } values)
                {
                    double v = values[r];
                    if (double.IsNaN(v)) row.AppendNullValue();
                    else if (whole[c]) row.AppendValue((long?)(long)v);
                    else row.AppendValue((double?)v);
                }
                else
                {
                    int code = codes[c]![r];
                    if (code < 0) row.AppendNullValue();
                    else row.AppendValue(levels[c]![code]);
                }
            }
            row.EndRow();
        }
    }

    private static bool AllWhole(double[] values)
    {
        foreach (double v in values)
            if (!double.IsNaN(v) && (Math.Abs(v) >= MaxExactInteger || v != Math.Floor(v))) return false;
        return true;
    }
}
