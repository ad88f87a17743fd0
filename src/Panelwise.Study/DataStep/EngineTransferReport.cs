using System.Globalization;

namespace Panelwise.Study;

/// <summary>What crossed the wire from an engine in the data step: a query run on the engine (only its result
/// fetched), an engine source read into the data, or an engine table fetched because a query that reads it also reads
/// local data and so runs in DuckDB (<see cref="Reason"/> says why). Lets a reader see that a registry stayed on the
/// server: its classification counts are in the classify step, the rows here are the result's.</summary>
/// <param name="What">"the query of line 14", "the engine source of line 5", "table registry".</param>
/// <param name="Engine">The environment variable naming the engine (never its URL).</param>
/// <param name="OnEngine">True when the work ran on the engine and only its result was fetched.</param>
/// <param name="Tables">The engine tables (study names) the work read.</param>
/// <param name="Rows">Rows fetched.</param>
/// <param name="Bytes">Bytes of those rows on the wire (<see cref="IO.Engines.EngineTransfer"/>).</param>
public sealed record EngineTransferReport(string What, string Engine, bool OnEngine, IReadOnlyList<string> Tables, long Rows, long Bytes)
    : DataStepReport
{
    public override string Kind => "engine";

    /// <summary>For a fetched table: the query that needed it and why that query runs locally.</summary>
    public string? Reason { get; init; }

    public override string Describe()
    {
        string moved = $"{Rows.ToString("N0", CultureInfo.InvariantCulture)} {(Rows == 1 ? "row" : "rows")} ({Size(Bytes)}) fetched";
        string over = Tables.Count == 0 ? "" : $" over {string.Join(", ", Tables)}";
        return Reason is { } why
            ? $"{What} fetched from the engine (${Engine}) because {why}: {moved}"
            : OnEngine ? $"{What} ran on the engine (${Engine}){over}: {moved}, the tables it reads stayed on the engine"
            : $"{What} (${Engine}): {moved}";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " kB",
        _ => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB",
    };
}
