namespace Panelwise.Cli.Output;

/// <summary>Progress lines for a person watching the terminal: each message overwrites the previous one on stderr,
/// and the line is cleared at the end. Used only when stderr is a terminal, so logs and pipes stay clean.</summary>
internal sealed class InteractiveProgress(TextWriter stderr) : IProgress<string>
{
    private int _width;

    public void Report(string value)
    {
        stderr.Write("\r" + value.PadRight(_width));
        _width = Math.Max(_width, value.Length);
        stderr.Flush();
    }

    public void Clear()
    {
        if (_width > 0) stderr.Write("\r" + new string(' ', _width) + "\r");
    }

    /// <summary>A progress sink when <paramref name="stderr"/> is the console's error stream and that is an interactive
    /// terminal (not redirected), else null: a host that passes its own writer (tests, a library user) gets no progress.</summary>
    public static InteractiveProgress? ForTerminal(TextWriter stderr) =>
        Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error) ? null : new InteractiveProgress(stderr);
}
