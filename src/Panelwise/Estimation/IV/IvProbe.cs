namespace Panelwise.Estimation.IV;

/// <summary>Phase timings of the IV path on standard error, when the environment variable PANELWISE_IV_PROBE is set
/// (for profiling: `--timing` reports only the whole "iv" phase). Each mark prints the time since the previous one.</summary>
internal static class IvProbe
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PANELWISE_IV_PROBE") is not null;
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static double _last;

    public static void Mark(string label)
    {
        if (!Enabled) return;
        double now = Clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"iv-probe {label,-28} {now - _last,8:F3} s");
        _last = now;
    }
}
