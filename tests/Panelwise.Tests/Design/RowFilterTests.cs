using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Design;

public class RowFilterTests
{
    private static readonly double NA = double.NaN;

    private static Frame Data() => new(
    [
        new NumericColumn("x", [1, 5, NA, 10, -2]),
        new NumericColumn("y", [0, 1, 1, NA, 1]),
        CategoricalColumn.FromStrings("region", ["east", "west", "east", null, "north"]),
        CategoricalColumn.FromStrings("home", ["east", "east", "west", "west", "north"]),
    ]);

    private static bool[] Keep(string expression, out int missing) => RowFilter.Evaluate(Data(), expression, out missing);

    [Theory]
    [InlineData("x > 2", new[] { false, true, false, true, false }, 1)]
    [InlineData("x >= 5 & y == 1", new[] { false, true, false, false, false }, 2)]
    [InlineData("x < 0 | y == 0", new[] { true, false, false, false, true }, 2)]
    [InlineData("!(x > 2)", new[] { true, false, false, false, true }, 1)]
    [InlineData("x * 2 - 1 == 9", new[] { false, true, false, false, false }, 1)]
    [InlineData("log(x) > 1", new[] { false, true, false, true, false }, 2)]
    [InlineData("region == 'east'", new[] { true, false, true, false, false }, 1)]
    [InlineData("region != \"east\"", new[] { false, true, false, false, true }, 1)]
    [InlineData("region == home", new[] { true, false, false, false, true }, 1)]
    [InlineData("missing(x) | missing(region)", new[] { false, false, true, true, false }, 0)]
    [InlineData("!missing(x)", new[] { true, true, false, true, true }, 0)]
    [InlineData("x", new[] { true, true, false, true, true }, 1)]
    public void KeepsOnlyRowsWhereTrue(string expression, bool[] expected, int missing)
    {
        Assert.Equal(expected, Keep(expression, out int actualMissing));
        Assert.Equal(missing, actualMissing);
    }

    [Fact]
    public void MissingNeverCountsAsLarge()
    {
        // Stata would keep the missing row for x > 2 (missing = +infinity); we do not.
        Assert.False(Keep("x > 2", out _)[2]);
        Assert.False(Keep("!(x < 2)", out _)[2]);
    }

    [Fact]
    public void KleeneLogicForMissing()
    {
        // Row 2 has x missing and y = 1.
        Assert.True(Keep("x > 2 | y == 1", out _)[2]);
        Assert.False(Keep("x > 2 & y == 1", out int missing)[2]);
        Assert.Equal(2, missing);
        // false & missing is false (row 2), true & missing is missing (row 3).
        Assert.DoesNotContain(true, RowFilter.Evaluate(Data(), "x > 2 & y == 5", out int onlyRow3));
        Assert.Equal(1, onlyRow3);
    }

    [Fact]
    public void ValueLabelledNumbersCompareWithText()
    {
        var labels = new Dictionary<double, string> { [1] = "male", [2] = "female" };
        var frame = new Frame([new NumericColumn("sex", [1, 2, NA]) { ValueLabels = labels }]);
        Assert.Equal([false, true, false], RowFilter.Evaluate(frame, "sex == 'female'"));
    }

    [Fact]
    public void UnknownColumnSuggestsTheClosestName() =>
        Assert.Equal("Filter error: unknown column 'regon'. Did you mean 'region'?\n  x > 1 & regon == 'east'\n          ^",
            Assert.Throws<ExpressionException>(() => RowFilter.Evaluate(Data(), "x > 1 & regon == 'east'")).Message);

    [Fact]
    public void TextColumnComparedWithNumber() =>
        Assert.Equal("Filter error: cannot compare text column 'region' with a number: quote the value, e.g. region == \"east\"\n" +
                     "  region == 1\n         ^",
            Assert.Throws<ExpressionException>(() => RowFilter.Evaluate(Data(), "region == 1")).Message);

    [Fact]
    public void TextColumnInArithmetic() =>
        Assert.Equal("Filter error: text can only be compared with == or !=, not >\n  region > 'a'\n         ^",
            Assert.Throws<ExpressionException>(() => RowFilter.Evaluate(Data(), "region > 'a'")).Message);

    [Fact]
    public void LagsNeedThePanel()
    {
        var ex = Assert.Throws<ExpressionException>(() => RowFilter.Evaluate(Data(), "l(x) > 0"));
        Assert.StartsWith("Filter error: l(x, 1) needs the panel: pass --panel id,time\n", CliFlags.Message(ex));
        Assert.Equal("l(x, 1) needs the panel: pass FitOptions.Panel id,time", ex.Problem);
    }

    [Fact]
    public void LagsWithAPanel()
    {
        var frame = new Frame([new NumericColumn("id", [1, 1, 1]), new NumericColumn("t", [1, 2, 3]), new NumericColumn("x", [1, 5, 2])]);
        var panel = PanelIndex.Build(frame, "id", "t");
        Assert.Equal([false, false, true], RowFilter.Evaluate(frame, "d(x) < 0", out int missing, panel));
        Assert.Equal(1, missing);
    }

    [Fact]
    public void ColumnsAreListed() =>
        Assert.Equal(new HashSet<string> { "x", "region" }, RowFilter.Columns("log(x) > 0 & region == 'a'"));
}
