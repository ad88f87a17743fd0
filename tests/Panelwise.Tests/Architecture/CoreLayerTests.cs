using Xunit;

namespace Panelwise.Tests.Architecture;

/// <summary>The core assembly's namespaces form layers (issue 16, lowest first): a type may use types of its own area
/// and of lower ones only, so the areas have no cycle and data flows one way: design -> estimator -> fit ->
/// covariance -> result -> front doors -> methods. An area is the second namespace segment (Panelwise.Estimation.IV
/// is Estimation); types of the root namespace Panelwise (UserInputException, notes) are the bottom layer.</summary>
public class CoreLayerTests
{
    /// <summary>Lowest first; the index is the layer.</summary>
    public static readonly string[] Layers =
        ["Panelwise", "Numerics", "Data", "Formula", "Design", "Estimation", "Inference", "Results", "Models", "Methods"];

    /// <summary>The area of a core type's full name: "Panelwise" for the root namespace, else the second segment.</summary>
    public static string AreaOf(string fullName)
    {
        int lastDot = fullName.LastIndexOf('.');
        string ns = lastDot < 0 ? "" : fullName[..lastDot];
        if (ns == "Panelwise") return "Panelwise";
        string rest = ns["Panelwise.".Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static IReadOnlyList<(string User, string Used)> CoreEdges()
    {
        using var module = ProductAssemblies.Module(ProductAssemblies.CoreAssembly);
        var coreTypes = module.GetTypes().Where(t => t.DeclaringType is null && t.Namespace.StartsWith("Panelwise", StringComparison.Ordinal))
            .Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        return TypeDependencies.Of(module).Where(e => coreTypes.Contains(e.User) && coreTypes.Contains(e.Used))
            .OrderBy(e => e.User, StringComparer.Ordinal).ThenBy(e => e.Used, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_core_namespace_is_in_a_layer()
    {
        using var module = ProductAssemblies.Module(ProductAssemblies.CoreAssembly);
        var unknown = module.Types.Where(t => t.Namespace.StartsWith("Panelwise", StringComparison.Ordinal))
            .Select(t => t.Namespace).Distinct().Where(ns => !Layers.Contains(AreaOf(ns + ".T"))).Order().ToList();
        Assert.True(unknown.Count == 0, "Namespaces in no layer (add them to CoreLayerTests.Layers and docs/architecture.md): "
            + string.Join(", ", unknown));
    }

    /// <summary>The scanner sees the edges it must (so that an empty violation list means something): a method body's
    /// call, a signature, a field.</summary>
    [Fact]
    public void Dependency_scan_finds_known_uses()
    {
        var edges = CoreEdges();
        Assert.Contains(("Panelwise.Models.Regression", "Panelwise.Formula.FormulaParser"), edges);
        Assert.Contains(("Panelwise.Models.Regression", "Panelwise.Data.Frame"), edges);
        Assert.Contains(edges, e => e.User == "Panelwise.Results.RegressionResult" && AreaOf(e.Used) == "Inference");
    }

    /// <summary>The area graph has no cycle: for each pair of areas that reach each other, one type edge each way
    /// (a cycle is also an upward use, but this names the loop to cut).</summary>
    [Fact]
    public void Core_areas_form_no_cycle()
    {
        var edges = CoreEdges().Where(e => AreaOf(e.User) != AreaOf(e.Used)).ToList();
        var direct = edges.GroupBy(e => (AreaOf(e.User), AreaOf(e.Used))).ToDictionary(g => g.Key, g => g.First());
        var reach = direct.Keys.ToHashSet();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (a, b) in reach.ToList())
                foreach (var (c, d) in reach.ToList())
                    if (b == c && reach.Add((a, d))) grew = true;
        }
        var cycles = direct.Keys.Where(k => reach.Contains((k.Item2, k.Item1)))
            .Select(k => $"  {k.Item1} -> {k.Item2} (e.g. {direct[k].User} uses {direct[k].Used})").Order(StringComparer.Ordinal).ToList();
        Assert.True(cycles.Count == 0, "area dependencies on a cycle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Core_areas_use_only_lower_layers()
    {
        var upward = CoreEdges().Where(e => Array.IndexOf(Layers, AreaOf(e.Used)) > Array.IndexOf(Layers, AreaOf(e.User))).ToList();
        Assert.True(upward.Count == 0, $"{upward.Count} uses of a higher layer (order: {string.Join(" < ", Layers)}):\n"
            + string.Join("\n", upward.GroupBy(e => $"{AreaOf(e.User)} -> {AreaOf(e.Used)}")
                .Select(g => $"  {g.Key} ({g.Count()}):\n" + string.Join("\n", g.Select(e => $"    {e.User} uses {e.Used}")))));
    }
}
