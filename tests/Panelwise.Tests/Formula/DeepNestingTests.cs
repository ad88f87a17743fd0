using System.Text;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Panelwise.Tests.Cli;
using Xunit;

namespace Panelwise.Tests.Formula;

/// <summary>Deep nesting is refused past <see cref="ExpressionParser.MaxNesting"/> with an error at the offending token,
/// and long chains of left-associative operators (as deep as they are long) parse, evaluate, render and compare
/// without recursion. Everything runs in-process: a stack overflow would kill the test host, itself a failure.</summary>
public class DeepNestingTests
{
    private static Frame Data() => new(
    [
        new NumericColumn("x", [1, 5, double.NaN, 10, -2]),
        CategoricalColumn.FromStrings("region", ["east", "west", "east", null, "north"]),
    ]);

    private static string Repeat(string text, int count) => new StringBuilder().Insert(0, text, count).ToString();

    private const string TooDeep = "more than 200 levels of nesting (parentheses, function calls, signs, ! and ^ counted together): " +
                                   "write the expression with fewer levels";

    [Fact]
    public void DeepLogInAFormulaIsRefusedAtTheFirstLevelPastTheLimit()
    {
        string formula = "y ~ " + Repeat("log(", 8000) + "x" + Repeat(")", 8000);
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse(formula));
        Assert.Equal(TooDeep, ex.Problem);
        Assert.Equal(4 + 200 * 4, ex.Position);
        Assert.Equal("log", ex.Token);
    }

    [Theory]
    [InlineData("(", 0, "(")]
    [InlineData("-", 0, "-")]
    [InlineData("!", 0, "!")]
    [InlineData("abs(", 0, "abs")]
    public void DeepPrefixesInAFilterAreRefused(string prefix, int offset, string token)
    {
        string expression = Repeat(prefix, 20000) + "x > 0" + (prefix.EndsWith('(') ? Repeat(")", 20000) : "");
        var ex = Assert.Throws<ExpressionException>(() => RowFilter.Evaluate(Data(), expression));
        Assert.Equal(TooDeep, ex.Problem);
        Assert.Equal(200 * prefix.Length + offset, ex.Position);
        Assert.Equal(token, ex.Token);
    }

    [Fact]
    public void LongSourcesAreShownAroundTheCaret()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(Repeat("(", 20000) + "x" + Repeat(")", 20000)));
        Assert.Equal($"Filter error: {TooDeep}\n  ...{Repeat("(", 120)}...\n  {Repeat(" ", 63)}^", ex.Message);
    }

    [Fact]
    public void RightNestedPowersAreRefused()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("x" + Repeat("^x", 5000)));
        Assert.Equal(TooDeep, ex.Problem);
        Assert.Equal(1 + 200 * 2, ex.Position);
    }

    [Fact]
    public void TheLimitItselfIsAccepted()
    {
        string expression = Repeat("(", 200) + "x > 0" + Repeat(")", 200);
        Assert.Equal([true, true, false, true, false], RowFilter.Evaluate(Data(), expression));
    }

    [Fact]
    public void ThirtyThousandTermChainsEvaluate()
    {
        var sum = RowFilter.Evaluate(Data(), "x > 0" + Repeat(" + 0", 30000), out int missing);
        Assert.Equal([true, true, false, true, false], sum);
        Assert.Equal(1, missing);
        var or = RowFilter.Evaluate(Data(), "x > 5" + Repeat(" | region == 'east'", 30000));
        Assert.Equal([true, false, true, true, false], or);
        var divided = ColumnExpression.Evaluate(Data(), "x" + Repeat(" / 1", 30000), null, out var notes);
        Assert.Equal(10, divided[3]);
        Assert.Empty(notes);
    }

    [Fact]
    public void LongChainsRenderCompareAndListColumns()
    {
        string text = "a" + Repeat(" - b", 30000) + " - (c - d)";
        var first = ExpressionParser.Parse(text);
        var second = ExpressionParser.Parse(text);
        Assert.Equal(text, first.ToString());
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ExpressionParser.Parse("a" + Repeat(" - b", 30000) + " - (c - e)"));
        Assert.Equal(new HashSet<string> { "a", "b", "c", "d" }, first.Columns());
        Assert.False(first.UsesPanel());
    }

    [Fact]
    public void LongFormulaTermsFitAndTooDeepFormulasExitWithAUserError()
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"{i},{Math.Sin(i) + 0.1 * i},{i % 7}");
        string csv = CliRunner.TempCsv("d.csv", "x,y,z\n" + string.Join('\n', rows) + "\n");
        var fit = CliRunner.Run("fit", csv, "y ~ I(x" + Repeat(" + 0", 5000) + ") + z", "--if", "z >= 0" + Repeat(" & x > -1", 5000));
        Assert.True(fit.Exit == 0, fit.Err);
        var deep = CliRunner.Run("fit", csv, "y ~ x", "--if", Repeat("(", 20000) + "x > 0" + Repeat(")", 20000));
        Assert.Equal(2, deep.Exit);
        Assert.Contains(TooDeep, deep.Err, StringComparison.Ordinal);
    }

    /// <summary>The worst case at the limit (every level carries the five binary precedence levels and a sign) parses,
    /// renders and evaluates on a thread with a 512 KB stack, a third of .NET's default for secondary threads (the main
    /// thread has 8 MB), in a Debug build whose frames are larger than Release's.</summary>
    [Fact]
    public void TheDeepestAcceptedExpressionFitsInASmallStack()
    {
        string level = "x | x & x == x + x * -(";
        string expression = Repeat(level, 100) + "x" + Repeat(")", 100);
        Exception? failure = null;
        double[]? values = null;
        var thread = new Thread(() =>
        {
            try
            {
                var parsed = ExpressionParser.Parse(expression);
                Assert.Equal(parsed.ToString(), ExpressionParser.Parse(parsed.ToString()).ToString());
                values = ColumnExpression.Evaluate(Data(), expression, null, out _);
            }
            catch (Exception ex) { failure = ex; }
        }, maxStackSize: 512 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.Equal(1, values![0]);
    }
}
