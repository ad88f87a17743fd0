namespace Panelwise.IO.Sql;

/// <summary>A keyword classification of the text column <see cref="Text"/> of table <see cref="Table"/>: the new
/// INTEGER column <see cref="Into"/> is 1 when the text contains any of <see cref="Keywords"/> and none of
/// <see cref="Exclude"/>, else 0 (a missing text is 0). Matching is by substring, case-insensitive for words
/// RE2 case folding for words with cased letters, such as Latin; Chinese has no case). Keywords are passed as query
/// parameters, so quotes and other characters need no escaping.</summary>
public sealed record KeywordRule(string Table, string Text, string Into, IReadOnlyList<string> Keywords)
{
    /// <summary>Phrases that veto a match (e.g. "不含人工智能" for "excluding artificial intelligence").</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
