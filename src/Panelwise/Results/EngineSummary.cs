namespace Panelwise.Results;

/// <summary>Where a pushed-down fit ran and what it cost: the engine, the statements (passes over the rows) it ran
/// there, the rows those passes scanned, and the bytes of results that crossed the wire to this process (O(k²), not
/// O(rows)).</summary>
public sealed record EngineSummary(string Engine, int Passes, long RowsScanned, long BytesFetched);
