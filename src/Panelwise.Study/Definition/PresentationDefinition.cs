namespace Panelwise.Study.Definition;

/// <summary>How tables speak, at the study root or per table (a table's settings win): <c>language: zh|en</c>,
/// <c>text:</c> (fixed-text key -> text), <c>rename:</c> (term -> row name) and <c>digits:</c>.</summary>
public sealed record PresentationDefinition
{
    public Located<string>? Language { get; init; }
    public IReadOnlyList<(Located<string> Key, Located<string> Text)> Text { get; init; } = [];
    public IReadOnlyList<(Located<string> Term, Located<string> Row)> Rename { get; init; } = [];
    public int? Digits { get; init; }
}
