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
        return CommandRunner.Run(stderr, () => root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }));
    }
}
