using Panelwise.Data;
using Panelwise.IO.Csv;
using Panelwise.IO.Engines;
using Panelwise.IO.Excel;
using Panelwise.IO.ParquetFiles;
using Panelwise.IO.Stata;

namespace Panelwise.IO;

/// <summary>Entry point for reading a data file into a <see cref="Frame"/>; the format follows the extension.</summary>
public static class DataReader
{
    /// <summary>The extensions <see cref="Read"/> understands.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".tsv", ".txt", ".xlsx", ".dta", ".parquet"];

    /// <summary>Reads <paramref name="path"/> as CSV/TSV/TXT, XLSX, Stata DTA or Parquet, or a table or query of a
    /// PostgreSQL-protocol engine given as postgresql://user@host:port/db?table=NAME (see <see cref="EngineSource"/>),
    /// or a relation of embedded DuckDB given as duckdb:///path/panel.parquet or duckdb:///path/db.duckdb?table=NAME (see
    /// <see cref="DuckSource"/>).</summary>
    /// <exception cref="DataException">The file is missing, of unknown type, malformed, or lacks a requested column.</exception>
    public static Frame Read(string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        if (EngineSource.IsEngineUrl(path)) return EngineReader.Read(EngineSource.Parse(path), options);
        if (DuckSource.IsDuckUrl(path)) return DuckReader.Read(DuckSource.Parse(path), options);
        if (!File.Exists(path)) throw DataException.FileNotFound(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".tsv" or ".txt" => CsvFileReader.Read(path, options),
            ".xlsx" => XlsxFileReader.Read(path, options),
            ".dta" => DtaFileReader.Read(path, options),
            ".parquet" => ParquetFileReader.Read(path, options),
            _ => throw DataException.UnknownFormat(path, ext, Extensions),
        };
    }
}
