using NetArchTest.Rules;
using Xunit;
using static Panelwise.Tests.Architecture.ProductAssemblies;

namespace Panelwise.Tests.Architecture;

/// <summary>The assembly layering of issue 16: Panelwise.Absorb (no dependencies) &lt; Panelwise (core) &lt;
/// Panelwise.IO, Panelwise.Render (each core only; Render does not read files) &lt; Panelwise.Study &lt; Panelwise.Cli.
/// Checked twice: the assembly references in metadata, and every type's dependencies by NetArchTest (which also
/// sees a namespace used through a type forwarded or defined elsewhere).</summary>
public class AssemblyDependencyTests
{
    private static readonly string[] AboveCore = ["Panelwise.IO", "Panelwise.Render", "Panelwise.Study", "Panelwise.Cli"];

    [Fact]
    public void Absorb_references_no_other_product_assembly()
    {
        Assert.Empty(ProductReferences(AbsorbAssembly));
        AssertNoDependency(AbsorbAssembly, [.. CoreLayerTests.Layers.Skip(1).Select(area => "Panelwise." + area), .. AboveCore]);
    }

    [Fact]
    public void Core_references_no_io_render_study_or_cli()
    {
        Assert.Subset(new HashSet<string> { AbsorbAssembly }, ProductReferences(CoreAssembly).ToHashSet());
        AssertNoDependency(CoreAssembly, AboveCore);
    }

    [Theory]
    [InlineData("Panelwise.IO", new[] { "Panelwise.Render", "Panelwise.Study", "Panelwise.Cli" })]
    [InlineData("Panelwise.Render", new[] { "Panelwise.IO", "Panelwise.Study", "Panelwise.Cli" })]
    public void IO_and_Render_reference_only_the_core(string assembly, string[] forbidden)
    {
        Assert.Subset(new HashSet<string> { AbsorbAssembly, CoreAssembly }, ProductReferences(assembly).ToHashSet());
        AssertNoDependency(assembly, forbidden);
    }

    [Fact]
    public void Study_does_not_reference_the_cli()
    {
        Assert.DoesNotContain(CliAssembly, ProductReferences(StudyAssembly));
        AssertNoDependency(StudyAssembly, ["Panelwise.Cli"]);
    }

    /// <summary>Presentation formats numbers the library computed: no p-value from a distribution, no linear algebra.
    /// The CLI is presentation too (it parses arguments, calls the library and picks a renderer).</summary>
    [Theory]
    [InlineData("Panelwise.Render")]
    [InlineData("Panelwise.Cli")]
    public void Presentation_computes_no_statistics(string assembly) =>
        AssertNoDependency(assembly, ["Panelwise.Inference.TailProbability", "MathNet.Numerics", "Panelwise.Numerics"]);

    private static void AssertNoDependency(string assembly, string[] forbidden)
    {
        var result = Types.InAssembly(Load(assembly)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly} types that depend on {string.Join(", ", forbidden)}:\n  "
            + string.Join("\n  ", result.FailingTypeNames ?? []));
    }
}
