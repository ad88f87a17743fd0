namespace Panelwise.Formula;

/// <summary>One lexed token. <paramref name="Value"/> is the unquoted name or string content;
/// <paramref name="Raw"/> is the source text, shown in error messages.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, string Raw, int Position, double Number = 0)
{
    /// <summary>How the token is quoted in an error message.</summary>
    public string Describe() => Kind == TokenKind.End ? "the end" : $"'{Raw}'";
}
