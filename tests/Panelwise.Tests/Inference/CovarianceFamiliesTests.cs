using Panelwise.Inference;
using Panelwise.Inference.Covariance;
using Xunit;

namespace Panelwise.Tests.Inference;

/// <summary>The covariance registry: every covariance choice the library defines has exactly one family (so that
/// VcovEstimator, the large-sample step and the IV moment structure never meet an unknown spec), and each text form
/// reads back to the spec it prints.</summary>
public class CovarianceFamiliesTests
{
    [Fact]
    public void EverySpecTypeHasAFamily()
    {
        var specTypes = typeof(VcovSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(VcovSpec)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(specTypes.OrderBy(t => t.Name), CovarianceFamilies.SpecTypes.OrderBy(t => t.Name));
    }

    [Theory]
    [InlineData("iid")]
    [InlineData("hc0")]
    [InlineData("hc1")]
    [InlineData("hc2")]
    [InlineData("hc3")]
    [InlineData("cluster:firm")]
    [InlineData("cluster:firm+year")]
    [InlineData("dk")]
    [InlineData("dk:3")]
    [InlineData("nw")]
    [InlineData("nw:0")]
    public void TextFormsReadBackToTheSpecTheyPrint(string text)
    {
        var spec = VcovSpec.Parse(text);
        Assert.Equal(text, spec.ToString());
        Assert.Equal(spec, VcovSpec.Parse(spec.ToString()));
        Assert.Same(CovarianceFamilies.For(spec), CovarianceFamilies.For(VcovSpec.Parse(text.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("robust", "hc1")]
    [InlineData("hetero", "hc1")]
    [InlineData("standard", "iid")]
    [InlineData("cl:firm", "cluster:firm")]
    [InlineData(" Cluster:Firm ", "cluster:Firm")]
    [InlineData("scc:2", "dk:2")]
    [InlineData("newey-west:1", "nw:1")]
    public void AliasesReadAsTheirFamily(string alias, string canonical) =>
        Assert.Equal(VcovSpec.Parse(canonical), VcovSpec.Parse(alias));

    [Theory]
    [InlineData("cluster:")]
    [InlineData("hc4")]
    [InlineData("gls")]
    public void UnknownFormsAreAUserError(string text) =>
        Assert.StartsWith($"Unknown covariance '{text}'", Assert.Throws<UserInputException>(() => VcovSpec.Parse(text)).Message);
}
