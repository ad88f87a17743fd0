using System.CommandLine;
using Panelwise.Cli.Commands;

namespace Panelwise.Cli;

/// <summary>The command-line tool as a function of its arguments and output streams, so tests run it in-process.</summary>
public static class PanelwiseCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // A plain command named "panelwise" rather than RootCommand, whose name would be the assembly's (Panelwise.Cli).
        var root = new Command("panelwise", "Panelwise: panel econometrics from the command line (fixest-style formulas, Stata conventions).")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(FitCommand.Create(stdout, stderr));
        root.Subcommands.Add(HausmanCommand.Create(stdout, stderr));
        root.Subcommands.Add(IndexCommand.Create(stdout, stderr));
        root.Subcommands.Add(GroupCommand.Create(stdout, stderr));
        root.Subcommands.Add(MediateCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(DescribeCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(MatchCommand.Create(stdout, stderr));
        root.Subcommands.Add(MultiverseCommand.Create(stdout, stderr));
        root.Subcommands.Add(LoadCommand.Create(stdout, stderr));
        OptionChecks.AddTo(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
            return ParseErrors(parsed, stderr);
        return CommandRunner.Run(stderr, () => parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }));
    }

    /// <summary>A command line that does not parse (unknown option, missing or extra value, a value of the wrong type)
    /// is the user's error: exit 2 with each problem on one line naming the option, as every other input error, not
    /// System.CommandLine's exit 1 with the help text on stdout.</summary>
    private static int ParseErrors(ParseResult parsed, TextWriter stderr)
    {
        foreach (var error in parsed.Errors) stderr.WriteLine($"panelwise: {TypeNames.Replace(error.Message, m => m.Groups[1].Value.StartsWith("Int") ? "as a whole number" : "as a number")}");
        string command = parsed.CommandResult.Command.Name;
        stderr.WriteLine($"panelwise: see 'panelwise {(command == "panelwise" ? "" : command + " ")}--help' for the arguments and options.");
        return CommandRunner.InputError;
    }

    private static readonly System.Text.RegularExpressions.Regex TypeNames =
        new(@"as expected type 'System\.[^']*?(Int\d+|Double|Decimal|Single)[^']*'", System.Text.RegularExpressions.RegexOptions.Compiled);
}
