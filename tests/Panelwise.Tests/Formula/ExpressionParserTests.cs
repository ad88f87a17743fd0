using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Formula;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("a + b * c", "a + b * c")]
    [InlineData("(a + b) * c", "(a + b) * c")]
    [InlineData("a - b - c", "a - b - c")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("2 ^ 3 ^ 2", "2^3^2")]
    [InlineData("(2 ^ 3) ^ 2", "(2^3)^2")]
    [InlineData("x>=1&y<2|!z==3", "x >= 1 & y < 2 | !z == 3")]
    [InlineData("x > 1 & (y < 2 | z)", "x > 1 & (y < 2 | z)")]
    [InlineData("region == 'east'", "region == \"east\"")]
    [InlineData("!missing(x)", "!missing(x)")]
    [InlineData(".5 * 1e3", "0.5 * 1000")]
    public void ParsesAndRendersCanonically(string text, string rendered) =>
        Assert.Equal(rendered, ExpressionParser.Parse(text).ToString());

    [Fact]
    public void NotBindsLooserThanComparison()
    {
        var expr = Assert.IsType<UnaryExpr>(ExpressionParser.Parse("!x > 1"));
        Assert.Equal(UnaryOperator.Not, expr.Operator);
        Assert.IsType<BinaryExpr>(expr.Operand);
    }

    [Fact]
    public void PowerBindsTighterThanNegation()
    {
        var expr = Assert.IsType<UnaryExpr>(ExpressionParser.Parse("-x^2"));
        Assert.Equal(BinaryOperator.Power, Assert.IsType<BinaryExpr>(expr.Operand).Operator);
    }

    [Fact]
    public void ColumnsAndPanelUse()
    {
        var expr = ExpressionParser.Parse("l(log(x), 2) > y & region == \"a\"");
        Assert.Equal(new HashSet<string> { "x", "y", "region" }, expr.Columns());
        Assert.True(expr.UsesPanel());
    }

    [Fact]
    public void ErrorsUseTheFilterTitle() =>
        Assert.Equal("Filter error: comparisons cannot be chained: join them with &\n  1 < x < 3\n        ^",
            Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("1 < x < 3")).Message);

    [Theory]
    [InlineData("", 0, "the expression is empty")]
    [InlineData("x >", 3, "expected a value after '>'")]
    [InlineData("x = 1", 2, "use == to compare")]
    [InlineData("region == 'east", 10, "unterminated text: add the closing '")]
    [InlineData("x y", 2, "unexpected 'y' after 'x'")]
    public void SyntaxErrors(string text, int position, string problem)
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));
        Assert.Equal(problem, ex.Problem);
        Assert.Equal(position, ex.Position);
    }
}
