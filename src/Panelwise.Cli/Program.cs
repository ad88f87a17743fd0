namespace Panelwise.Cli;

internal static class Program
{
    private static int Main(string[] args) => PanelwiseCli.Run(args, Console.Out, Console.Error);
}
