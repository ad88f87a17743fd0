namespace Panelwise.Formula;

/// <summary>The formula's structure: response, parts separated by <c>|</c>, fixed effects and the IV part.
/// Term-level parsing is in FormulaReader.Terms.cs.</summary>
internal sealed partial class FormulaReader
{
    private const string Functions = "I, i, log, exp, sqrt, abs, winsor, trim, l, f, d, csw, csw0, sw, sw0";
    private readonly string _source;
    private readonly TokenCursor _cursor;
    private readonly ExpressionParser _expressions;

    public FormulaReader(string source)
    {
        _source = source;
        _cursor = new TokenCursor(source, (pos, tok, problem) => new FormulaException(source, pos, tok, problem));
        _expressions = new ExpressionParser(_cursor);
    }

    public ParsedFormula Read()
    {
        var first = _cursor.Peek();
        if (first.Kind == TokenKind.End) throw _cursor.Fail(first, "the formula is empty");
        if (first.Kind == TokenKind.Tilde) throw _cursor.Fail(first, "expected a response variable before '~'");
        var response = ParseTermGroup();
        if (response is not [ExpressionTerm])
            throw _cursor.Fail(first, "the response must be a variable or an expression such as log(y)");
        if (_cursor.PeekKind() != TokenKind.Tilde)
            throw _cursor.Fail(_cursor.Peek(), "expected '~' after the response");
        _cursor.Next();

        var (regressors, intercept) = ParseRegressors();
        List<Slot<FixedEffectTerm>> fixedEffects = [];
        List<Term> endogenous = [], instruments = [];
        bool seenFixedEffects = false, seenIv = false;
        while (_cursor.PeekKind() == TokenKind.Pipe)
        {
            var pipe = _cursor.Next();
            if (seenIv) throw _cursor.Fail(pipe, "nothing may follow the IV part (endogenous ~ instruments)");
            if (_cursor.AheadAtTopLevel(TokenKind.Tilde, TokenKind.Pipe))
            {
                endogenous = ParseTermSum(pipe);
                var tilde = _cursor.Expect(TokenKind.Tilde, "expected '~' between the endogenous variables and the instruments");
                instruments = ParseTermSum(tilde);
                seenIv = true;
            }
            else
            {
                if (seenFixedEffects) throw _cursor.Fail(pipe, "a formula has one fixed-effects part: join fixed effects with +");
                fixedEffects = ParseFixedEffects(pipe);
                seenFixedEffects = true;
            }
        }
        var rest = _cursor.Peek();
        if (rest.Kind != TokenKind.End)
            throw _cursor.Fail(rest, rest.Kind is TokenKind.Name or TokenKind.Number
                ? $"expected '+' before {rest.Describe()}"
                : $"unexpected {rest.Describe()}");
        return new ParsedFormula(_source, response[0], regressors, intercept, fixedEffects, endogenous, instruments);
    }

    private (List<Slot<Term>> Slots, bool Intercept) ParseRegressors()
    {
        var slots = new List<Slot<Term>>();
        var current = new List<Term>();
        bool intercept = true, multi = false;
        var after = _cursor.Previous;
        while (true)
        {
            var token = _cursor.Peek();
            if (token.Kind == TokenKind.Minus)
            {
                _cursor.Next();
                var one = _cursor.Peek();
                if (one.Kind != TokenKind.Number || one.Number != 1)
                    throw _cursor.Fail(one, "only '- 1' may follow '-': it drops the intercept");
                _cursor.Next();
                intercept = false;
            }
            else if (token.Kind == TokenKind.Number)
            {
                if (token.Number is not (0 or 1))
                    throw _cursor.Fail(token, "a number is not a term: write 0 or 1 for the intercept, or use I(...)");
                _cursor.Next();
                intercept = token.Number == 1;
            }
            else if (IsMulti(token))
            {
                if (multi) throw _cursor.Fail(token, "only one csw/csw0/sw/sw0 is allowed on the right-hand side");
                multi = true;
                if (current.Count > 0) slots.Add(Slot<Term>.Plain(current));
                current = [];
                slots.Add(ParseMulti(() => ParseTermSum(_cursor.Previous)));
            }
            else if (token.Kind == TokenKind.Name)
                current.AddRange(ParseTermGroup());
            else
                throw _cursor.Fail(token, $"expected a term after {after.Describe()}");

            if (_cursor.PeekKind() == TokenKind.Plus) after = _cursor.Next();
            else if (_cursor.PeekKind() != TokenKind.Minus) break;
        }
        if (current.Count > 0) slots.Add(Slot<Term>.Plain(current));
        return (slots, intercept);
    }

    private List<Slot<FixedEffectTerm>> ParseFixedEffects(Token pipe)
    {
        var slots = new List<Slot<FixedEffectTerm>>();
        var current = new List<FixedEffectTerm>();
        bool multi = false;
        var after = pipe;
        while (true)
        {
            var token = _cursor.Peek();
            if (IsMulti(token))
            {
                if (multi) throw _cursor.Fail(token, "only one csw/csw0/sw/sw0 is allowed in the fixed effects");
                multi = true;
                if (current.Count > 0) slots.Add(Slot<FixedEffectTerm>.Plain(current));
                current = [];
                slots.Add(ParseMulti(() => ParseFixedEffectSum(_cursor.Previous)));
            }
            else current.Add(ParseFixedEffect(after));
            if (_cursor.PeekKind() != TokenKind.Plus) break;
            after = _cursor.Next();
        }
        if (current.Count > 0) slots.Add(Slot<FixedEffectTerm>.Plain(current));
        return slots;
    }

    private List<FixedEffectTerm> ParseFixedEffectSum(Token after)
    {
        var list = new List<FixedEffectTerm> { ParseFixedEffect(after) };
        while (_cursor.PeekKind() == TokenKind.Plus) list.Add(ParseFixedEffect(_cursor.Next()));
        return list;
    }

    private FixedEffectTerm ParseFixedEffect(Token after)
    {
        var names = new List<string>();
        while (true)
        {
            var token = _cursor.Peek();
            if (token.Kind != TokenKind.Name)
                throw _cursor.Fail(token, $"expected a fixed effect after {after.Describe()}");
            if (_cursor.PeekKind(1) == TokenKind.LParen)
                throw _cursor.Fail(token, "fixed effects are variables, or variables joined by ^ such as id^year");
            names.Add(_cursor.Next().Value);
            if (_cursor.PeekKind() != TokenKind.Caret) break;
            after = _cursor.Next();
        }
        return new FixedEffectTerm(names);
    }

    private Slot<T> ParseMulti<T>(Func<List<T>> parseArgument)
    {
        var name = _cursor.Next();
        var open = _cursor.Next();
        var kind = name.Value switch
        {
            "csw" => MultiKind.Csw, "csw0" => MultiKind.Csw0, "sw" => MultiKind.Sw, _ => MultiKind.Sw0,
        };
        var options = new List<IReadOnlyList<T>>();
        do options.Add(parseArgument());
        while (_cursor.Accept(TokenKind.Comma));
        _expressions.ExpectClose(open);
        return new Slot<T>(kind, options);
    }

    private bool IsMulti(Token token) =>
        token.Kind == TokenKind.Name && _cursor.PeekKind(1) == TokenKind.LParen
        && token.Value is "csw" or "csw0" or "sw" or "sw0";
}
