using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Formula;

public class FormulaParserTests
{
    private static ModelSpec Single(string formula)
    {
        var specs = FormulaParser.Parse(formula).Expand();
        return Assert.Single(specs);
    }

    private static string[] Names(IEnumerable<Term> terms) => terms.Select(t => t.Name).ToArray();

    [Fact]
    public void PlainVariablesKeepFormulaOrder()
    {
        var spec = Single("y ~ x2 + x1 + z");
        Assert.Equal("y", spec.Response.Name);
        Assert.Equal(["x2", "x1", "z"], Names(spec.Regressors));
        Assert.True(spec.Intercept);
        Assert.Empty(spec.FixedEffects);
        Assert.Equal("y ~ x2 + x1 + z", spec.Text);
    }

    [Theory]
    [InlineData("y ~ 0 + x", false)]
    [InlineData("y ~ x - 1", false)]
    [InlineData("y ~ -1 + x", false)]
    [InlineData("y ~ 1 + x", true)]
    [InlineData("y ~ x", true)]
    public void InterceptMarkers(string formula, bool intercept)
    {
        var spec = Single(formula);
        Assert.Equal(intercept, spec.Intercept);
        Assert.Equal(["x"], Names(spec.Regressors));
    }

    [Fact]
    public void NoInterceptIsShownInText() => Assert.Equal("y ~ 0 + x", Single("y ~ x - 1").Text);

    [Fact]
    public void FixedEffectsAbsorbTheIntercept()
    {
        var spec = Single("y ~ x | id + id^year");
        Assert.False(spec.Intercept);
        Assert.Equal(["id", "id^year"], spec.FixedEffects.Select(f => f.Name));
        Assert.Equal(["id", "year"], spec.FixedEffects[1].Variables);
        Assert.Equal("y ~ x | id + id^year", spec.Text);
    }

    [Theory]
    [InlineData("log(y) ~ log(x)", "log(y)", "log(x)")]
    [InlineData("y ~ exp(x)", "y", "exp(x)")]
    [InlineData("y ~ sqrt(x + 1)", "y", "sqrt(x + 1)")]
    [InlineData("y ~ abs(x)", "y", "abs(x)")]
    [InlineData("y ~ I(x^2)", "y", "I(x^2)")]
    [InlineData("y ~ I((a + b) * c / 2)", "y", "I((a + b) * c/2)")]
    [InlineData("y ~ I(x - (a - b))", "y", "I(x - (a - b))")]
    [InlineData("y ~ I(-x^2)", "y", "I(-x^2)")]
    [InlineData("y ~ I((-x)^2)", "y", "I((-x)^2)")]
    [InlineData("y ~ I(x > 0 & z <= 1.5)", "y", "I(x > 0 & z <= 1.5)")]
    [InlineData("y ~ a:b", "y", "a:b")]
    [InlineData("y ~ a:log(b):c", "y", "a:log(b):c")]
    [InlineData("y ~ l(x)", "y", "l(x, 1)")]
    [InlineData("y ~ l(x, 2)", "y", "l(x, 2)")]
    [InlineData("y ~ f(x, 1)", "y", "f(x, 1)")]
    [InlineData("y ~ l(x, -1)", "y", "f(x, 1)")]
    [InlineData("y ~ d(x)", "y", "d(x)")]
    [InlineData("y ~ d(x, 2)", "y", "d(x, 2)")]
    [InlineData("y ~ l(log(x), 1)", "y", "l(log(x), 1)")]
    [InlineData("d(y) ~ I(l(x) * 2)", "d(y)", "I(l(x, 1) * 2)")]
    [InlineData("y ~ `my var`", "y", "`my var`")]
    [InlineData("收入 ~ 教育.年限 + x_1", "收入", "教育.年限")]
    public void SingleTermRendering(string formula, string response, string first)
    {
        var spec = Single(formula);
        Assert.Equal(response, spec.Response.Name);
        Assert.Equal(first, spec.Regressors[0].Name);
    }

    [Fact]
    public void BackquotedNameIsUnquotedInColumns()
    {
        var spec = Single("y ~ `my var` + log(`x 2`)");
        Assert.Equal(new HashSet<string> { "y", "my var", "x 2" }, spec.Variables());
    }

    [Fact]
    public void LagRangesExpandIntoSeparateTerms()
    {
        Assert.Equal(["l(x, 1)", "l(x, 2)"], Names(Single("y ~ l(x, 1:2)").Regressors));
        Assert.Equal(["x", "l(x, 1)", "l(x, 2)", "z"], Names(Single("y ~ l(x, 0:2) + z").Regressors));
        Assert.Equal(["f(x, 1)", "f(x, 2)"], Names(Single("y ~ f(x, 1:2)").Regressors));
    }

    [Fact]
    public void FactorTerms()
    {
        var spec = Single("y ~ i(region) + i(year, ref = 2001) + i(g, ref = \"b\") + i(g, x) + i(g, x, ref = 'a')");
        Assert.Equal(["i(region)", "i(year, ref = 2001)", "i(g, ref = \"b\")", "i(g, x)", "i(g, x, ref = \"a\")"], Names(spec.Regressors));
        var withSlope = Assert.IsType<FactorTerm>(spec.Regressors[3]);
        Assert.Equal("g", withSlope.Variable);
        Assert.Equal("x", withSlope.Slope!.Name);
        Assert.Null(withSlope.Reference);
        Assert.Equal("g::a:x", withSlope.LevelName("a"));
        Assert.Equal("2001", ((FactorTerm)spec.Regressors[1]).Reference);
    }

    [Fact]
    public void UnionOfVariablesCoversEveryPart()
    {
        var spec = Single("log(y) ~ x1 + I(a * b) + i(g, w) + l(v, 1) | id^year + firm | e ~ z1 + z2");
        Assert.Equal(new HashSet<string> { "y", "x1", "a", "b", "g", "w", "v", "id", "year", "firm", "e", "z1", "z2" }, spec.Variables());
        Assert.True(spec.UsesPanel());
        Assert.False(Single("y ~ x").UsesPanel());
    }

    [Fact]
    public void InstrumentalVariablesWithFixedEffects()
    {
        var spec = Single("y ~ x | id | e1 + e2 ~ z1 + z2");
        Assert.Equal(["e1", "e2"], Names(spec.Endogenous));
        Assert.Equal(["z1", "z2"], Names(spec.Instruments));
        Assert.Equal(["id"], spec.FixedEffects.Select(f => f.Name));
        Assert.Equal("y ~ x | id | e1 + e2 ~ z1 + z2", spec.Text);
    }

    [Fact]
    public void InstrumentalVariablesWithoutFixedEffects()
    {
        var spec = Single("y ~ x | e ~ z");
        Assert.Empty(spec.FixedEffects);
        Assert.True(spec.Intercept);
        Assert.Equal(["e"], Names(spec.Endogenous));
        Assert.Equal(["z"], Names(spec.Instruments));
    }

    [Fact]
    public void InterceptOnlyModel()
    {
        var spec = Single("y ~ 1");
        Assert.Empty(spec.Regressors);
        Assert.True(spec.Intercept);
        Assert.Equal("y ~ 1", spec.Text);
    }

    [Fact]
    public void VariablesNamedLikeFunctionsAreColumnsWithoutParentheses()
    {
        Assert.Equal(["l", "f", "d", "i", "I"], Names(Single("y ~ l + f + d + i + I").Regressors));
    }
}
