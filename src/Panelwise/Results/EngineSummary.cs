namespace Panelwise.Results;

/// <summary>Where a pushed-down fit ran and what it cost: the engine, the statements (passes over the rows) it ran
/// there, the rows those passes scanned, the bytes of results that crossed the wire to this process (O(k²), not
/// O(rows); O(G·k) when cluster scores are added across shards), and the shards whose tables the statements read
/// directly (0: they ran on the coordinator against the source relation).</summary>
public sealed record EngineSummary(string Engine, int Passes, long RowsScanned, long BytesFetched, int Shards = 0)
{
    /// <summary>"per_shard" when the statements ran on each shard, "embedded" in an in-process engine (DuckDB), else
    /// "coordinator".</summary>
    public string Path => Shards > 0 ? "per_shard" : Engine == "duckdb" ? "embedded" : "coordinator";
}
