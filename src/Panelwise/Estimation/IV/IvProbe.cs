namespace Panelwise.Estimation.IV;

/// <summary>Phase timings of the IV path on standard error, when the environment variable PANELWISE_IV_PROBE is set
/// (for profiling: `--timing` reports only the whole "iv" phase). Each mark prints the time since the previous one.</summary>
internal static class IvProbe
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PANELWISE_IV_PROBE") is not null;
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static double _last;
    private static double _lastJit;
    private static double _lastCpu;

    /// <summary>Prints the wall time since the previous mark, the process's CPU time over it (steadier than wall time on a
    /// shared machine) and the time the JIT compiler took
    /// (code not precompiled by ReadyToRun: at 1e6 rows a fixed cost comparable to the arithmetic).</summary>
    public static void Mark(string label)
    {
        if (!Enabled) return;
        double now = Clock.Elapsed.TotalSeconds;
        double jit = System.Runtime.JitInfo.GetCompilationTime().TotalSeconds;
        double cpu = Environment.CpuUsage.TotalTime.TotalSeconds;
        Console.Error.WriteLine($"iv-probe {label,-28} {now - _last,8:F3} s  (cpu {cpu - _lastCpu:F3} s, jit {jit - _lastJit:F3} s)");
        _last = now;
        _lastJit = jit;
        _lastCpu = cpu;
    }
}
