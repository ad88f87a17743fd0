namespace Panelwise.Formula;

/// <summary>Recursive-descent parser for the expression language. Precedence, loosest first:
/// <c>|</c>, <c>&amp;</c>, <c>!</c>, comparisons (not chained), <c>+ -</c>, <c>* /</c>, unary minus, <c>^</c> (right-associative).
/// As in R and SQL, <c>!x &gt; 1</c> means <c>!(x &gt; 1)</c>.
/// <para>Nesting (parentheses, function calls, signs, <c>!</c> and <c>^</c>) is limited to <see cref="MaxNesting"/>
/// levels so that parsing and every walk over the tree stay within the stack; chains of left-associative operators
/// (<c>a + b + ...</c>, <c>a | b | ...</c>) are parsed and walked iteratively and have no length limit.</para></summary>
public sealed class ExpressionParser
{
    /// <summary>The deepest nesting accepted: levels of parentheses, function calls, unary signs, <c>!</c> and
    /// <c>^</c>, counted together (Python's parser stops at 200 parentheses).</summary>
    public const int MaxNesting = 200;

    private static readonly string SupportedList = "log, exp, sqrt, abs, missing, winsor, trim, l, f, d";
    private readonly TokenCursor _cursor;
    private int _depth;

    internal ExpressionParser(TokenCursor cursor) => _cursor = cursor;

    /// <summary>Parses a whole filter expression such as <c>year &gt;= 2000 &amp; region == 'east'</c>.</summary>
    /// <exception cref="ExpressionException">The expression is malformed.</exception>
    public static Expr Parse(string expression)
    {
        var cursor = new TokenCursor(expression, (pos, tok, problem) => new ExpressionException(expression, pos, tok, problem));
        if (cursor.PeekKind() == TokenKind.End) throw cursor.Fail(cursor.Peek(), "the expression is empty");
        var result = new ExpressionParser(cursor).ParseOr();
        if (cursor.PeekKind() != TokenKind.End)
            throw cursor.Fail(cursor.Peek(), $"unexpected {cursor.Peek().Describe()} after {cursor.Previous.Describe()}");
        return result;
    }

    internal Expr ParseOr()
    {
        var left = ParseAnd();
        while (_cursor.PeekKind() == TokenKind.Pipe)
        {
            var op = _cursor.Next();
            left = new BinaryExpr(BinaryOperator.Or, left, ParseAnd()) { Position = op.Position };
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (_cursor.PeekKind() == TokenKind.Amp)
        {
            var op = _cursor.Next();
            left = new BinaryExpr(BinaryOperator.And, left, ParseNot()) { Position = op.Position };
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (_cursor.PeekKind() != TokenKind.Bang) return ParseComparison();
        var op = _cursor.Next();
        Enter(op);
        var operand = ParseNot();
        _depth--;
        return new UnaryExpr(UnaryOperator.Not, operand) { Position = op.Position };
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (_cursor.PeekKind() == TokenKind.Assign)
            throw _cursor.Fail(_cursor.Peek(), "use == to compare");
        if (ComparisonOf(_cursor.PeekKind()) is not { } op) return left;
        var opToken = _cursor.Next();
        var right = ParseAdditive();
        if (ComparisonOf(_cursor.PeekKind()) is not null)
            throw _cursor.Fail(_cursor.Peek(), "comparisons cannot be chained: join them with &");
        return new BinaryExpr(op, left, right) { Position = opToken.Position };
    }

    private static BinaryOperator? ComparisonOf(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (_cursor.PeekKind() is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _cursor.Next();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpr(kind, left, ParseMultiplicative()) { Position = op.Position };
        }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (_cursor.PeekKind() is TokenKind.Star or TokenKind.Slash)
        {
            var op = _cursor.Next();
            var kind = op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinaryExpr(kind, left, ParseUnary()) { Position = op.Position };
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (_cursor.PeekKind() == TokenKind.Minus)
        {
            var op = _cursor.Next();
            Enter(op);
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpr(UnaryOperator.Negate, operand) { Position = op.Position };
        }
        if (_cursor.PeekKind() == TokenKind.Plus) _cursor.Next();
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var baseExpr = ParsePrimary();
        if (_cursor.PeekKind() != TokenKind.Caret) return baseExpr;
        var op = _cursor.Next();
        Enter(op);
        var exponent = ParseUnary();
        _depth--;
        return new BinaryExpr(BinaryOperator.Power, baseExpr, exponent) { Position = op.Position };
    }

    internal Expr ParsePrimary()
    {
        var token = _cursor.Peek();
        switch (token.Kind)
        {
            case TokenKind.Number:
                _cursor.Next();
                return new NumberExpr(token.Number) { Position = token.Position };
            case TokenKind.Text:
                _cursor.Next();
                return new TextExpr(token.Value) { Position = token.Position };
            case TokenKind.Name when _cursor.PeekKind(1) == TokenKind.LParen:
                Enter(token);
                var call = ParseCall();
                _depth--;
                return call;
            case TokenKind.Name:
                _cursor.Next();
                return new ColumnExpr(token.Value) { Position = token.Position };
            case TokenKind.LParen:
                _cursor.Next();
                Enter(token);
                var inner = ParseOr();
                ExpectClose(token);
                _depth--;
                return inner;
            default:
                throw _cursor.Fail(token, _cursor.Index == 0 ? "expected a value" : $"expected a value after {_cursor.Previous.Describe()}");
        }
    }

    private Expr ParseCall()
    {
        var name = _cursor.Next();
        var open = _cursor.Next();
        switch (name.Value)
        {
            case "l" or "f" or "d":
                var operand = ParseOr();
                int lag = 1;
                if (_cursor.Accept(TokenKind.Comma)) lag = ParseInteger(name.Value);
                if (_cursor.PeekKind() == TokenKind.Colon)
                    throw _cursor.Fail(_cursor.Peek(), $"a lag range such as 1:2 is only allowed for a whole formula term, not inside an expression");
                ExpectClose(open);
                return PanelOperator(name, operand, lag);
            case "winsor" or "trim":
                return ParseTailCut(name, open);
            default:
                if (!CallExpr.Supported.Contains(name.Value))
                    throw _cursor.Fail(name, $"unknown function '{name.Value}'; supported: {SupportedList}");
                var argument = ParseOr();
                if (_cursor.PeekKind() == TokenKind.Comma)
                    throw _cursor.Fail(_cursor.Peek(), $"{name.Value}() takes one argument");
                ExpectClose(open);
                return new CallExpr(name.Value, argument) { Position = name.Position };
        }
    }

    /// <summary>Counts one more level of nesting; past <see cref="MaxNesting"/> the input is refused at
    /// <paramref name="at"/>, before the parser's own recursion can exhaust the stack.</summary>
    private void Enter(Token at)
    {
        if (++_depth > MaxNesting)
            throw _cursor.Fail(at, $"more than {MaxNesting} levels of nesting (parentheses, function calls, signs, ! and ^ " +
                                   "counted together): write the expression with fewer levels");
    }

    /// <summary><c>winsor(x, p)</c>, <c>trim(x, p)</c>, optionally with <c>, by = column</c>.</summary>
    private TailCutExpr ParseTailCut(Token name, Token open)
    {
        var operand = ParseOr();
        if (!_cursor.Accept(TokenKind.Comma))
            throw _cursor.Fail(_cursor.Peek(), $"{name.Value}() needs the tail share, e.g. {name.Value}(x, 0.01) for the 1st and 99th percentiles");
        var share = _cursor.Peek();
        if (share.Kind != TokenKind.Number || !(share.Number > 0 && share.Number < 0.5))
            throw _cursor.Fail(share, $"the tail share of {name.Value}() must be a number between 0 and 0.5, e.g. 0.01");
        _cursor.Next();
        string? by = null;
        if (_cursor.Accept(TokenKind.Comma))
        {
            var key = _cursor.Peek();
            if (key.Kind != TokenKind.Name || key.Value != "by" || _cursor.PeekKind(1) != TokenKind.Assign)
                throw _cursor.Fail(key, $"{name.Value}() accepts only by = column after the share, e.g. {name.Value}(x, 0.01, by = year)");
            _cursor.Next();
            _cursor.Next();
            var column = _cursor.Peek();
            if (column.Kind != TokenKind.Name) throw _cursor.Fail(column, "by = needs a column name");
            _cursor.Next();
            by = column.Value;
        }
        ExpectClose(open);
        return new TailCutExpr(name.Value, operand, share.Number, by) { Position = name.Position };
    }

    /// <summary>Builds l/f/d for lag <paramref name="lag"/>; a zero lag or lead is the operand itself.</summary>
    internal Expr PanelOperator(Token name, Expr operand, int lag)
    {
        if (name.Value == "d")
        {
            if (lag <= 0) throw _cursor.Fail(name, "d(x, k) needs k >= 1");
            return new DiffExpr(operand, lag) { Position = name.Position };
        }
        int signed = name.Value == "l" ? lag : -lag;
        return signed == 0 ? operand : new LagExpr(operand, signed) { Position = name.Position };
    }

    /// <summary>An optionally negative integer literal, used for lags.</summary>
    internal int ParseInteger(string function)
    {
        bool negative = _cursor.Accept(TokenKind.Minus);
        var token = _cursor.Peek();
        if (token.Kind != TokenKind.Number || token.Number != Math.Floor(token.Number) || token.Number > 1000)
            throw _cursor.Fail(token, $"expected a whole number of periods, e.g. {function}(x, 2)");
        _cursor.Next();
        return negative ? -(int)token.Number : (int)token.Number;
    }

    internal void ExpectClose(Token open)
    {
        if (_cursor.PeekKind() == TokenKind.RParen) { _cursor.Next(); return; }
        var at = _cursor.Peek();
        throw _cursor.Fail(at, at.Kind == TokenKind.End
            ? $"expected ')' to close the '(' at position {open.Position + 1}"
            : $"expected ')' but found {at.Describe()}");
    }
}
