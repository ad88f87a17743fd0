using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Formula;

public class FormulaErrorTests
{
    private static FormulaException Fails(string formula) =>
        Assert.Throws<FormulaException>(() => FormulaParser.Parse(formula));

    [Fact]
    public void DoublePlusPointsAtTheSecondPlus()
    {
        var ex = Fails("y ~ x1 + + x2");
        Assert.Equal("Formula error: expected a term after '+'\n  y ~ x1 + + x2\n           ^", ex.Message);
        Assert.Equal(9, ex.Position);
        Assert.Equal("+", ex.Token);
    }

    [Fact]
    public void TrailingPlusPointsPastTheEnd() =>
        Assert.Equal("Formula error: expected a term after '+'\n  y ~ x +\n         ^", Fails("y ~ x +").Message);

    [Fact]
    public void UnknownFunctionListsSupportedOnes() =>
        Assert.Equal("Formula error: unknown function 'lg'; supported: I, i, log, exp, sqrt, abs, winsor, trim, l, f, d, csw, csw0, sw, sw0\n" +
                     "  y ~ lg(x)\n      ^", Fails("y ~ lg(x)").Message);

    [Fact]
    public void UnknownFunctionInsideExpression() =>
        Assert.Equal("Formula error: unknown function 'sin'; supported: log, exp, sqrt, abs, missing, winsor, trim, l, f, d\n" +
                     "  y ~ I(sin(x))\n        ^", Fails("y ~ I(sin(x))").Message);

    [Fact]
    public void MissingTilde() =>
        Assert.Equal("Formula error: expected '~' after the response\n  y x\n    ^", Fails("y x").Message);

    [Fact]
    public void MissingCloseParenthesis() =>
        Assert.Equal("Formula error: expected ')' to close the '(' at position 8\n  y ~ log(x + 1\n               ^",
            Fails("y ~ log(x + 1").Message);

    [Fact]
    public void PowerOutsideI() =>
        Assert.Equal("Formula error: '^' is only allowed inside I(), e.g. I(x^2) or I(a * b); use a:b for an interaction\n" +
                     "  y ~ x^2\n       ^", Fails("y ~ x^2").Message);

    [Fact]
    public void TwoMultiOperators() =>
        Assert.Equal("Formula error: only one csw/csw0/sw/sw0 is allowed on the right-hand side\n" +
                     "  y ~ sw(a, b) + csw(c, d)\n                 ^", Fails("y ~ sw(a, b) + csw(c, d)").Message);

    [Fact]
    public void FunctionInFixedEffects() =>
        Assert.Equal("Formula error: fixed effects are variables, or variables joined by ^ such as id^year\n" +
                     "  y ~ x | log(id)\n          ^", Fails("y ~ x | log(id)").Message);

    [Fact]
    public void EmptyFixedEffect() =>
        Assert.Equal("Formula error: expected a fixed effect after '^'\n  y ~ x | id^\n             ^", Fails("y ~ x | id^").Message);

    [Fact]
    public void MinusOtherThanOne() =>
        Assert.Equal("Formula error: only '- 1' may follow '-': it drops the intercept\n  y ~ x - z\n          ^",
            Fails("y ~ x - z").Message);

    [Fact]
    public void MissingPlusBetweenTerms() =>
        Assert.Equal("Formula error: expected '+' before 'x2'\n  y ~ x1 x2\n         ^", Fails("y ~ x1 x2").Message);

    [Fact]
    public void CaretAccountsForWideCharacters() =>
        Assert.Equal("Formula error: expected a term after '+'\n  收入 ~ x + )\n             ^", Fails("收入 ~ x + )").Message);

    [Theory]
    [InlineData("", 0, "the formula is empty")]
    [InlineData("~ x", 0, "expected a response variable before '~'")]
    [InlineData("y ~", 3, "expected a term after '~'")]
    [InlineData("y ~ x $ z", 6, "unexpected character '$'")]
    [InlineData("y ~ `x", 4, "unterminated `name`: add the closing backquote")]
    [InlineData("y ~ 2 + x", 4, "a number is not a term: write 0 or 1 for the intercept, or use I(...)")]
    [InlineData("y ~ i(g):x", 8, "i() cannot be interacted with ':': write i(f, x) for level-specific slopes")]
    [InlineData("y ~ i(g, keep = 1)", 9, "i() accepts only ref = level as a named argument")]
    [InlineData("y ~ l(x, 1.5)", 9, "expected a whole number of periods, e.g. l(x, 2)")]
    [InlineData("y ~ l(x, 2:1)", 11, "a lag range must go up, e.g. l(x, 1:3)")]
    [InlineData("y ~ I(l(x, 1:2))", 12, "a lag range such as 1:2 is only allowed for a whole formula term, not inside an expression")]
    [InlineData("y ~ x | id | year", 11, "a formula has one fixed-effects part: join fixed effects with +")]
    [InlineData("y ~ x | e ~ z | id", 14, "nothing may follow the IV part (endogenous ~ instruments)")]
    [InlineData("y ~ x | id + csw(a, b) + sw(c)", 25, "only one csw/csw0/sw/sw0 is allowed in the fixed effects")]
    [InlineData("y ~ log(csw(a, b))", 8, "unknown function 'csw'; supported: log, exp, sqrt, abs, missing, winsor, trim, l, f, d")]
    [InlineData("y ~ a:csw(b, c)", 6, "csw() must be a whole term, used once on the right-hand side and once in the fixed effects")]
    [InlineData("y ~ I()", 6, "I() needs an expression, e.g. I(x^2)")]
    [InlineData("y ~ x )", 6, "unexpected ')'")]
    [InlineData("y ~ I(x = 1)", 8, "use == to compare")]
    [InlineData("i(g) ~ x", 0, "the response must be a variable or an expression such as log(y)")]
    public void ProblemAndPosition(string formula, int position, string problem)
    {
        var ex = Fails(formula);
        Assert.Equal(problem, ex.Problem);
        Assert.Equal(position, ex.Position);
        Assert.StartsWith($"Formula error: {problem}\n  {formula}\n", ex.Message);
    }
}
