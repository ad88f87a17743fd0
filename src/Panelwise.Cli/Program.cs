using System.CommandLine;
using Panelwise.Cli.Commands;

namespace Panelwise.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Panelwise: panel econometrics from the command line (fixest-style formulas, Stata conventions).");
        root.Subcommands.Add(FitCommand.Create());
        return CommandRunner.Run(() => root.Parse(args).Invoke());
    }
}
