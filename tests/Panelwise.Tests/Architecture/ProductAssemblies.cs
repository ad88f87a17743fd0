using System.Reflection;
using Mono.Cecil;

namespace Panelwise.Tests.Architecture;

/// <summary>The product's assemblies as the test run loaded them (the test project references every one, so each dll
/// sits in the test's output folder), by reflection for NetArchTest and by Mono.Cecil for IL-level rules.</summary>
internal static class ProductAssemblies
{
    public const string AbsorbAssembly = "Panelwise.Absorb";
    public const string CoreAssembly = "Panelwise";
    public const string IOAssembly = "Panelwise.IO";
    public const string RenderAssembly = "Panelwise.Render";
    public const string StudyAssembly = "Panelwise.Study";
    public const string CliAssembly = "Panelwise.Cli";

    /// <summary>Every assembly except the CLI: the library, which must speak its own language (no flag names).</summary>
    public static readonly IReadOnlyList<string> Library = [AbsorbAssembly, CoreAssembly, IOAssembly, RenderAssembly, StudyAssembly];

    public static readonly IReadOnlyList<string> All = [.. Library, CliAssembly];

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    /// <summary>The assembly's module read from its file (symbols not needed: the rules read metadata and IL).</summary>
    public static ModuleDefinition Module(string name) =>
        ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    /// <summary>The names of the product assemblies <paramref name="name"/> references in its metadata (the compiler
    /// keeps a reference only when a type of that assembly is used).</summary>
    public static IReadOnlySet<string> ProductReferences(string name) =>
        Load(name).GetReferencedAssemblies().Select(a => a.Name!).Where(All.Contains).ToHashSet();
}
