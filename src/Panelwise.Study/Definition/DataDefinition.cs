namespace Panelwise.Study.Definition;

/// <summary>One source of the <c>data</c> section: a file read by <c>DataReader</c> (CSV, XLSX, DTA, Parquet), its
/// path relative to the study file. Every source after the first names the <see cref="Join"/> key columns it is
/// left-joined on.</summary>
public sealed record DataDefinition(Located<string> File, string? Sheet, IReadOnlyList<string> Na)
{
    /// <summary>Key columns present in this file and in the sources before it; empty for the first source.</summary>
    public IReadOnlyList<Located<string>> Join { get; init; } = [];

    public long Line { get; init; }

    /// <summary><c>synthetic: true</c>: every column of this source (except its join keys and the panel's id and
    /// time) holds generated, not observed, values; reports mark them and everything derived from them.</summary>
    public bool Synthetic { get; init; }
}
