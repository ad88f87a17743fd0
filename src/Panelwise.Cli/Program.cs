namespace Panelwise.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("panelwise: commands are being built.");
        return args.Length == 0 ? 1 : 1;
    }
}
