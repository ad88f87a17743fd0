using DuckDB.NET.Data;
using Panelwise.Data;
using Panelwise.IO.Sql;

namespace Panelwise.IO.Engines;

/// <summary>Reads the requested columns of a <see cref="DuckSource"/> into a <see cref="Frame"/> (types as in the data
/// step: numbers and booleans as doubles, NULL as missing, text as categories): the plain pull that makes every
/// command work on a duckdb:// source; <see cref="DuckPushdown"/> avoids it for the fits it supports.</summary>
public static class DuckReader
{
    /// <exception cref="DataException">No such file, table or column, or an infinite value.</exception>
    public static Frame Read(DuckSource source, ReadOptions options) => DuckErrors.Guard(source, () =>
    {
        using var connection = source.Open();
        var available = DuckPushdown.ColumnNames(connection, source);
        foreach (string name in options.Columns ?? (IEnumerable<string>)[])
            if (!available.Contains(name)) throw DataException.MissingColumn(source.Display, name, available);
        var wanted = options.Columns is { } set ? available.Where(set.Contains).ToList() : available;
        string list = wanted.Count == 0 ? "1 AS pw_none" : string.Join(", ", wanted.Select(EngineSource.Quote));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {list} FROM {source.RelationAs("r")}";
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        var columns = wanted.Select((n, i) => ResultColumn.For(n, reader.GetDataTypeName(i))).ToArray();
        int rows = 0;
        while (reader.Read())
        {
            for (int c = 0; c < columns.Length; c++) columns[c].Read(reader, c, rows);
            rows++;
        }
        var built = columns.Select(c => c.Build(rows)).ToList();
        foreach (var column in built.OfType<NumericColumn>()) NonFiniteValues.Check(source.Display, column.Name, column.Values);
        return new Frame(built, source.Display);
    });
}
