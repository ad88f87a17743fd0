namespace Panelwise.IO.Yaml;

/// <summary>What kind of problem stopped a YAML file from loading (see <see cref="YamlDocumentLoader"/>).</summary>
public enum YamlProblemKind
{
    /// <summary>Not valid YAML; <see cref="YamlProblem.Detail"/> holds the parser's description.</summary>
    Syntax,
    /// <summary>A tab in a line's indentation (YAML indents with spaces only).</summary>
    Tab,
    /// <summary>A <c>[</c> or <c>{</c> that is never closed; <see cref="YamlProblem.Detail"/> is the bracket.</summary>
    Unclosed,
    /// <summary>A second document (after <c>---</c> or <c>...</c>), which would otherwise be ignored.</summary>
    SecondDocument,
    /// <summary>Lists and mappings nested deeper than <see cref="YamlDocumentLoader.MaxDepth"/>.</summary>
    TooDeep,
    /// <summary>An alias <c>*name</c> without an earlier anchor <c>&amp;name</c>; <see cref="YamlProblem.Detail"/> is the name.</summary>
    UnknownAlias,
    /// <summary>An alias inside the value its anchor names (a cycle); <see cref="YamlProblem.Detail"/> is the name.</summary>
    RecursiveAlias,
    /// <summary>Aliases that expand the document past <see cref="YamlDocumentLoader.MaxNodes"/> values.</summary>
    TooLarge,
}

/// <summary>A YAML file's problem at a 1-based <paramref name="Line"/> and <paramref name="Column"/>.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Detail">The parser's message, the bracket, or the alias name (see <see cref="YamlProblemKind"/>).</param>
public sealed record YamlProblem(YamlProblemKind Kind, long Line, long Column, string Detail)
{
    /// <summary>The problem and its fix, without the location; <paramref name="syntaxHint"/> ends the message for
    /// plain syntax errors (what to check in this kind of file).</summary>
    public string Describe(string syntaxHint) => Kind switch
    {
        YamlProblemKind.Tab => "a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.",
        YamlProblemKind.Unclosed =>
            $"the '{Detail}' opened here is never closed: add the closing '{(Detail == "[" ? "]" : "}")}' (a bracketed list or mapping may span lines, but must be closed).",
        YamlProblemKind.SecondDocument =>
            "a second YAML document starts here (after '---' or '...') and would be ignored: the file holds one document, so remove the separator and merge what follows into the first.",
        YamlProblemKind.TooDeep =>
            $"lists and mappings are nested more than {YamlDocumentLoader.MaxDepth} levels deep: check the brackets and the indentation.",
        YamlProblemKind.UnknownAlias => $"the alias *{Detail} has no anchor &{Detail} before it: define the anchor first or write the value out.",
        YamlProblemKind.RecursiveAlias =>
            $"the alias *{Detail} is inside the value that &{Detail} names, so that value would never end: refer to a value defined outside it.",
        YamlProblemKind.TooLarge =>
            $"aliases expand the file to more than {YamlDocumentLoader.MaxNodes:N0} values: write the repeated parts out instead.",
        _ => $"not valid YAML ({Detail}). {syntaxHint}",
    };
}
