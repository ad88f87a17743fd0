using System.Text.RegularExpressions;
using Mono.Cecil.Cil;
using Xunit;

namespace Panelwise.Tests.Architecture;

/// <summary>Only the CLI names flags: the library's messages speak of variables, terms and options, and the CLI maps
/// them to its flags (issue 16, item 3). Every string literal in the IL (each <c>ldstr</c> operand, including the
/// literal parts of interpolated strings and the values of constants where they are used) of the assemblies other
/// than Panelwise.Cli is matched against a flag such as <c>--weights</c> standing at the start or after a space,
/// quote or parenthesis. XML docs and comments are not in the IL, so they may name flags.</summary>
public partial class FlagLiteralTests
{
    [GeneratedRegex("""(^|[\s"'(])--[a-z][a-z-]+""")]
    private static partial Regex Flag();

    [Fact]
    public void Flag_pattern_matches_flags_and_nothing_else()
    {
        Assert.Matches(Flag(), "add --panel id,time");
        Assert.Matches(Flag(), "(--model fgls)");
        Assert.Matches(Flag(), "--weights");
        Assert.DoesNotMatch(Flag(), "a---b");
        Assert.DoesNotMatch(Flag(), "|---|---|");
        Assert.DoesNotMatch(Flag(), "x--y");
    }

    [Fact]
    public void Library_string_literals_name_no_cli_flag()
    {
        var found = new List<string>();
        foreach (string assembly in ProductAssemblies.Library)
        {
            using var module = ProductAssemblies.Module(assembly);
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods.Where(m => m.HasBody))
                    foreach (var instruction in method.Body.Instructions)
                        if (instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string literal && Flag().IsMatch(literal))
                            found.Add($"  {assembly}: {type.FullName}.{method.Name}: \"{literal}\"");
        }
        Assert.True(found.Count == 0, $"{found.Count} string literals outside the CLI name a flag (say what the option "
            + "means in the library's words; the CLI adds its flag):\n" + string.Join("\n", found));
    }

    [GeneratedRegex("""\{([A-Z][A-Za-z]+)\}""")]
    private static partial Regex Placeholder();

    /// <summary>A message names a setting as <c>{Name}</c>; a misspelt name would print literally in every front end,
    /// so every such placeholder in a library literal must be a <see cref="Setting"/>.</summary>
    [Fact]
    public void Setting_placeholders_in_library_literals_name_a_setting()
    {
        var settings = Enum.GetNames<Setting>().ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        int checkedPlaceholders = 0;
        foreach (string assembly in ProductAssemblies.Library)
        {
            using var module = ProductAssemblies.Module(assembly);
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods.Where(m => m.HasBody))
                    foreach (var instruction in method.Body.Instructions)
                        if (instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string literal)
                            foreach (Match m in Placeholder().Matches(literal))
                            {
                                checkedPlaceholders++;
                                if (!settings.Contains(m.Groups[1].Value))
                                    found.Add($"  {assembly}: {type.FullName}.{method.Name}: {m.Value} in \"{literal}\"");
                            }
        }
        Assert.True(checkedPlaceholders > 20, $"only {checkedPlaceholders} placeholders found: the scan misses the messages");
        Assert.True(found.Count == 0, $"{found.Count} placeholders name no Setting (add it to the enum and CliFlags, or fix the spelling):\n"
            + string.Join("\n", found));
    }
}
