using DuckDB.NET.Data;
using Panelwise.Data;

namespace Panelwise.IO.Sql;

/// <summary>Loading data files as tables.</summary>
public sealed partial class SqlSession
{
    /// <summary>Formats DuckDB reads itself, streaming (compressed CSV included).</summary>
    public static IReadOnlyList<string> DuckDbExtensions { get; } = [".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz", ".parquet"];

    /// <summary>Loads <paramref name="path"/> as table <paramref name="table"/>. CSV (also gzip-compressed) and Parquet
    /// are read by DuckDB itself (types sniffed by DuckDB, <see cref="ReadOptions.NaStrings"/> read as NULL); XLSX and
    /// DTA are read by <see cref="DataReader"/> and copied in. A CSV that is not UTF-8 (e.g. GB18030) falls back to
    /// <see cref="DataReader"/>, which detects the encoding.</summary>
    /// <exception cref="DataException">The file is missing, of unknown type or malformed.</exception>
    public void Load(string table, string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        if (!File.Exists(path)) throw DataException.FileNotFound(path);
        string lower = path.ToLowerInvariant();
        bool parquet = lower.EndsWith(".parquet", StringComparison.Ordinal);
        bool text = !parquet && DuckDbExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal));
        if (!parquet && !text)
        {
            Register(table, DataReader.Read(path, options));
            return;
        }
        string reader = parquet ? $"read_parquet({SqlName.Literal(path)})"
            : $"read_csv({SqlName.Literal(path)}, nullstr = [{string.Join(", ", options.NaStrings.Select(SqlName.Literal))}]" +
              (options.Delimiter is { } d ? $", delim = {SqlName.Literal(d.ToString())}" : "") + ")";
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"CREATE OR REPLACE TABLE {SqlName.Quote(table)} AS SELECT * FROM {reader}";
            command.ExecuteNonQuery();
        }
        catch (DuckDBException ex) when (text && !lower.EndsWith(".gz", StringComparison.Ordinal) && ex.Message.Contains("unicode", StringComparison.OrdinalIgnoreCase))
        {
            Register(table, DataReader.Read(path, options));
        }
        catch (DuckDBException ex)
        {
            throw DataException.Unreadable(path, null, null, ex.Message.TrimEnd());
        }
    }
}
