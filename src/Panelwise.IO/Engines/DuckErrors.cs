using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Panelwise.Data;

namespace Panelwise.IO.Engines;

/// <summary>Turns DuckDB's errors on a <see cref="DuckSource"/> into user errors that name the source and say what to
/// do, without DuckDB's own text (which quotes generated SQL), except the first line of its reason for a user's query.</summary>
internal static class DuckErrors
{
    public static T Guard<T>(DuckSource source, Func<T> work)
    {
        try { return work(); }
        catch (DuckDBException e)
        {
            throw From(source, e);
        }
    }

    private static DataException From(DuckSource source, DuckDBException e)
    {
        string what = e.ErrorType switch
        {
            DuckDBErrorType.OutOfMemory => "DuckDB ran out of memory (it spills to disk only where it can): free memory and retry",
            _ when source.Query is not null => $"the query failed ({FirstLine(e.Message)}): check it in DuckDB",
            _ => $"{source.File} cannot be read as {(source.IsParquet ? "Parquet" : "a DuckDB database")} ({e.ErrorType} error): " +
                 "check that it is one and that no other process is writing it",
        };
        return new DataException($"Cannot read {source.Display}: {what}.") { File = source.File ?? source.Display };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
