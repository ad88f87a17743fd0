namespace Panelwise.Cli;

/// <summary>Turns the library's input errors into one clear line on stderr and a non-zero exit code, never a
/// stack trace (set PANELWISE_DEBUG=1 to see one). Library settings in a message are shown as flags
/// (<see cref="CliFlags"/>).</summary>
internal static class CommandRunner
{
    public const int InputError = 2;
    public const int InternalError = 3;

    public static int Run(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            stderr.WriteLine($"panelwise: {CliFlags.Message(ex)}");
            return InputError;
        }
        catch (OutOfMemoryException) when (Environment.GetEnvironmentVariable("PANELWISE_DEBUG") is null)
        {
            // The rows did not fit in this process's memory: say so and name the path that does not hold them.
            stderr.WriteLine("panelwise: not enough memory to hold the data for this command. Read fewer columns or rows, or fit on " +
                             "an engine that keeps the rows: panelwise fit duckdb:///path/data.parquet ... (embedded DuckDB, spills to disk) " +
                             "or a postgresql:// table.");
            return InputError;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("PANELWISE_DEBUG") is null)
        {
            stderr.WriteLine($"panelwise: internal error ({ex.GetType().Name}): {ex.Message}. Please report it with the command that caused it.");
            return InternalError;
        }
    }

    /// <summary>Typed input errors, and files the user named that cannot be found or opened. An ArgumentException or
    /// any other exception is a bug in Panelwise, so it is reported as an internal error, never as bad input.</summary>
    private static bool IsUserError(Exception ex) => ex is UserInputException or FileNotFoundException or DirectoryNotFoundException
        or UnauthorizedAccessException or PathTooLongException;
}
