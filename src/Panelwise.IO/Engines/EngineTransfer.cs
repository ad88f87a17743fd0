namespace Panelwise.IO.Engines;

/// <summary>What crossed the wire from an engine for one read: the rows and the bytes of their row messages
/// (PostgreSQL's binary DataRow format: 7 bytes per row, 4 per field, then the values; counted from the values
/// received, so protocol chatter such as the column descriptions is not included).</summary>
public sealed record EngineTransfer(long Rows, long Bytes);
