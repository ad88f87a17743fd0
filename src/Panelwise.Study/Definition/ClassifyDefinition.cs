namespace Panelwise.Study.Definition;

/// <summary><c>classify: registry, text: business_scope, into: is_ai, keywords: [...], exclude: [...]</c>: a keyword
/// classification of a text column of a named table (see <c>Panelwise.IO.Sql.KeywordRule</c>).</summary>
public sealed record ClassifyDefinition(Located<string> Table, Located<string> Text, Located<string> Into,
    IReadOnlyList<Located<string>> Keywords, IReadOnlyList<Located<string>> Exclude, long Line);
