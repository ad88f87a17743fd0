namespace Panelwise.Formula;

/// <summary>Term-level parsing: interactions, functions, i(), lags with ranges.</summary>
internal sealed partial class FormulaReader
{
    /// <summary>Terms joined by '+' (inside csw/sw and in the IV part).</summary>
    private List<Term> ParseTermSum(Token after)
    {
        var token = _cursor.Peek();
        if (token.Kind != TokenKind.Name) throw _cursor.Fail(token, $"expected a term after {after.Describe()}");
        var terms = ParseTermGroup();
        while (_cursor.PeekKind() == TokenKind.Plus)
        {
            after = _cursor.Next();
            token = _cursor.Peek();
            if (token.Kind != TokenKind.Name) throw _cursor.Fail(token, $"expected a term after {after.Describe()}");
            terms.AddRange(ParseTermGroup());
        }
        return terms;
    }

    /// <summary>One term, or an interaction a:b:c, or several terms from a lag range such as l(x, 1:3).</summary>
    private List<Term> ParseTermGroup()
    {
        var first = ParseFactor();
        if (_cursor.PeekKind() != TokenKind.Colon)
        {
            RejectArithmetic();
            return first;
        }
        var factors = new List<ExpressionTerm> { SingleNumeric(first, _cursor.Peek()) };
        while (_cursor.PeekKind() == TokenKind.Colon)
        {
            var colon = _cursor.Next();
            factors.Add(SingleNumeric(ParseFactor(), colon));
        }
        RejectArithmetic();
        return [new InteractionTerm(factors)];
    }

    private ExpressionTerm SingleNumeric(List<Term> terms, Token colon) => terms switch
    {
        [ExpressionTerm term] => term,
        [FactorTerm] => throw _cursor.Fail(colon, "i() cannot be interacted with ':': write i(f, x) for level-specific slopes"),
        _ => throw _cursor.Fail(colon, "a lag range cannot be interacted with ':': list the lags one by one"),
    };

    // R and fixest give a*b and x^2 formula meanings (crossing) that are easy to misread; ask for I() instead.
    private void RejectArithmetic()
    {
        var token = _cursor.Peek();
        if (token.Kind is TokenKind.Caret or TokenKind.Star or TokenKind.Slash)
            throw _cursor.Fail(token, $"'{token.Raw}' is only allowed inside I(), e.g. I(x^2) or I(a * b); use a:b for an interaction");
        if (token.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual
            or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Amp)
            throw _cursor.Fail(token, $"'{token.Raw}' is only allowed inside I(), e.g. I(x > 0)");
    }

    private List<Term> ParseFactor()
    {
        var token = _cursor.Peek();
        if (token.Kind != TokenKind.Name)
            throw _cursor.Fail(token, $"expected a term after {_cursor.Previous.Describe()}");
        if (_cursor.PeekKind(1) != TokenKind.LParen)
        {
            _cursor.Next();
            return [new ExpressionTerm(new ColumnExpr(token.Value) { Position = token.Position })];
        }
        switch (token.Value)
        {
            case "I":
                return [ParseAsIs()];
            case "i":
                return [ParseFactorCall()];
            case "l" or "f":
                return ParseLagTerms();
            case "d" or "log" or "exp" or "sqrt" or "abs" or "missing" or "winsor" or "trim":
                return [new ExpressionTerm(_expressions.ParsePrimary())];
            case "csw" or "csw0" or "sw" or "sw0":
                throw _cursor.Fail(token, $"{token.Value}() must be a whole term, used once on the right-hand side and once in the fixed effects");
            default:
                throw _cursor.Fail(token, $"unknown function '{token.Value}'; supported: {Functions}");
        }
    }

    private ExpressionTerm ParseAsIs()
    {
        _cursor.Next();
        var open = _cursor.Next();
        if (_cursor.PeekKind() == TokenKind.RParen) throw _cursor.Fail(_cursor.Peek(), "I() needs an expression, e.g. I(x^2)");
        var expression = _expressions.ParseOr();
        _expressions.ExpectClose(open);
        return new ExpressionTerm(expression, AsIs: true);
    }

    private List<Term> ParseLagTerms()
    {
        var name = _cursor.Next();
        var open = _cursor.Next();
        var operand = _expressions.ParseOr();
        int from = 1, to = 1;
        if (_cursor.Accept(TokenKind.Comma))
        {
            from = to = _expressions.ParseInteger(name.Value);
            if (_cursor.Accept(TokenKind.Colon))
            {
                var end = _cursor.Peek();
                to = _expressions.ParseInteger(name.Value);
                if (to < from) throw _cursor.Fail(end, $"a lag range must go up, e.g. {name.Value}(x, 1:3)");
            }
        }
        _expressions.ExpectClose(open);
        var terms = new List<Term>();
        for (int k = from; k <= to; k++) terms.Add(new ExpressionTerm(_expressions.PanelOperator(name, operand, k)));
        return terms;
    }

    private FactorTerm ParseFactorCall()
    {
        _cursor.Next();
        var open = _cursor.Next();
        var variable = _cursor.Peek();
        if (variable.Kind != TokenKind.Name || _cursor.PeekKind(1) == TokenKind.LParen)
            throw _cursor.Fail(variable, "i() needs a variable name first, e.g. i(year)");
        _cursor.Next();
        ExpressionTerm? slope = null;
        string? reference = null;
        while (_cursor.Accept(TokenKind.Comma))
        {
            var token = _cursor.Peek();
            if (token.Kind == TokenKind.Name && _cursor.PeekKind(1) == TokenKind.Assign)
            {
                if (token.Value != "ref") throw _cursor.Fail(token, "i() accepts only ref = level as a named argument");
                if (reference is not null) throw _cursor.Fail(token, "ref is given twice");
                _cursor.Next();
                _cursor.Next();
                reference = ParseReference();
            }
            else if (slope is null && reference is null)
                slope = _cursor.PeekKind() == TokenKind.Name && token.Value == "I" && _cursor.PeekKind(1) == TokenKind.LParen
                    ? ParseAsIs() : new ExpressionTerm(_expressions.ParseOr());
            else throw _cursor.Fail(token, "i() takes a variable, an optional slope variable, and ref = level");
        }
        _expressions.ExpectClose(open);
        return new FactorTerm(variable.Value, slope, reference);
    }

    private string ParseReference()
    {
        bool negative = _cursor.Accept(TokenKind.Minus);
        var token = _cursor.Peek();
        if (token.Kind == TokenKind.Text && !negative) { _cursor.Next(); return token.Value; }
        if (token.Kind == TokenKind.Number) { _cursor.Next(); return Names.Number(negative ? -token.Number : token.Number); }
        throw _cursor.Fail(token, "ref = needs a level, e.g. ref = \"a\" or ref = 2000");
    }
}
