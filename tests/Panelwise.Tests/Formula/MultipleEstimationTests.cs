using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Formula;

public class MultipleEstimationTests
{
    private static string[] Texts(string formula) => FormulaParser.Parse(formula).Expand().Select(s => s.Text).ToArray();

    [Fact]
    public void CswIsCumulative() =>
        Assert.Equal(["y ~ x + a", "y ~ x + a + b", "y ~ x + a + b + c"], Texts("y ~ x + csw(a, b, c)"));

    [Fact]
    public void Csw0StartsWithNone() =>
        Assert.Equal(["y ~ x", "y ~ x + a", "y ~ x + a + b"], Texts("y ~ x + csw0(a, b)"));

    [Fact]
    public void SwTakesEachAlone() =>
        Assert.Equal(["y ~ a + z", "y ~ b + z"], Texts("y ~ sw(a, b) + z"));

    [Fact]
    public void Sw0StartsWithNone() =>
        Assert.Equal(["y ~ 1", "y ~ a", "y ~ b + c"], Texts("y ~ sw0(a, b + c)"));

    [Fact]
    public void MultiTermsKeepTheirPositionInTheFormula() =>
        Assert.Equal(["y ~ x1 + a + x2", "y ~ x1 + a + log(b) + x2"], Texts("y ~ x1 + csw(a, log(b)) + x2"));

    [Fact]
    public void FixedEffectVariantsVaryFastest() =>
        Assert.Equal(["y ~ a | id", "y ~ a | id + year", "y ~ a + b | id", "y ~ a + b | id + year"],
            Texts("y ~ csw(a, b) | csw(id, year)"));

    [Fact]
    public void SwInFixedEffectsWithInteractions() =>
        Assert.Equal(["y ~ x | firm", "y ~ x | firm + id^year", "y ~ x | firm + year"],
            Texts("y ~ x | firm + sw0(id^year, year)"));

    [Fact]
    public void PlainFormulaIsNotMultiple()
    {
        Assert.False(FormulaParser.Parse("y ~ x | id").IsMultiple);
        Assert.True(FormulaParser.Parse("y ~ sw(a, b)").IsMultiple);
    }
}
