using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Panelwise.Cli;

/// <summary>Checks every command's options that the types alone let through, added once to the whole command tree so a
/// new option cannot miss them: a number option must be finite (.NET reads 1e309 as Infinity and "NaN" as NaN, which
/// would pass every range check below them), and a path (the data or study file, --out, --spec) must not be empty
/// (.NET's file functions throw ArgumentException for it, which would be an internal error). Each failure is a parse
/// error naming the option or argument, so it exits 2 like any other malformed command line.</summary>
internal static class OptionChecks
{
    private static readonly HashSet<string> PathOptions = ["--out", "--spec"];
    private static readonly HashSet<string> PathArguments = ["data", "study"];

    public static void AddTo(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option.ValueType == typeof(double) || option.ValueType == typeof(double?))
                option.Validators.Add(result => Finite(result, option.Name));
            if (PathOptions.Contains(option.Name))
                option.Validators.Add(result => NotEmpty(result, option.Name));
        }
        foreach (var argument in command.Arguments)
        {
            if (PathArguments.Contains(argument.Name))
                argument.Validators.Add(result => NotEmpty(result, $"The {argument.Name} file (argument of '{command.Name}')"));
        }
        foreach (var sub in command.Subcommands) AddTo(sub);
    }

    private static void Finite(SymbolResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsFinite(value))
                result.AddError($"{name}: '{token.Value}' is not a finite number; give a finite value.");
        }
    }

    private static void NotEmpty(SymbolResult result, string what)
    {
        if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            result.AddError($"{what}: the path is empty; name a file or folder.");
    }
}
