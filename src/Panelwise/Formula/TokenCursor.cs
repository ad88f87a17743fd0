namespace Panelwise.Formula;

/// <summary>A position in a token list, shared by the formula and expression parsers so that
/// <c>I(...)</c> and function arguments are parsed in place.</summary>
internal sealed class TokenCursor
{
    private readonly List<Token> _tokens;
    private readonly SyntaxErrorFactory _fail;
    private int _index;

    public TokenCursor(string source, SyntaxErrorFactory fail)
    {
        _fail = fail;
        _tokens = Lexer.Tokenize(source, fail);
    }

    public Token Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    public TokenKind PeekKind(int ahead = 0) => Peek(ahead).Kind;

    /// <summary>The token before the current one; the first token when nothing was consumed.</summary>
    public Token Previous => _tokens[Math.Max(_index - 1, 0)];

    public int Index => _index;

    public Token Next()
    {
        var token = Peek();
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    public bool Accept(TokenKind kind)
    {
        if (PeekKind() != kind) return false;
        Next();
        return true;
    }

    public Token Expect(TokenKind kind, string problem)
    {
        if (PeekKind() != kind) throw Fail(Peek(), problem);
        return Next();
    }

    public Exception Fail(Token at, string problem) => _fail(at.Position, at.Raw, problem);

    public Exception Fail(int position, string token, string problem) => _fail(position, token, problem);

    /// <summary>True when a <paramref name="kind"/> token occurs at bracket depth 0 before the next
    /// top-level <paramref name="stop"/> token or the end.</summary>
    public bool AheadAtTopLevel(TokenKind kind, TokenKind stop)
    {
        int depth = 0;
        for (int i = _index; i < _tokens.Count; i++)
        {
            var k = _tokens[i].Kind;
            if (k == TokenKind.LParen) depth++;
            else if (k == TokenKind.RParen) depth--;
            else if (depth == 0 && k == kind) return true;
            else if ((depth == 0 && k == stop) || k == TokenKind.End) return false;
        }
        return false;
    }
}
