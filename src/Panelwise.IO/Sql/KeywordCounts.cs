namespace Panelwise.IO.Sql;

/// <summary>What a <see cref="KeywordRule"/> did: of <see cref="Rows"/> rows, <see cref="Classified"/> got 1,
/// <see cref="Excluded"/> contained a keyword but also an exclusion (so got 0), and <see cref="MissingText"/> had no
/// text (0).</summary>
public sealed record KeywordCounts(long Rows, long Classified, long Excluded, long MissingText);
