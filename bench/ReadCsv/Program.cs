using System.Diagnostics;
using Panelwise.IO;

// Usage: ReadCsv FILE [col,col,...|all] [threads] [repeats]. Prints wall and CPU time per read, then min and
// median wall, and the managed heap after the last read. CPU time (user + sys of the whole process) is less
// sensitive than wall time to other work on a shared machine.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ReadCsv FILE [columns|all] [threads] [repeats]");
    return 1;
}
var options = new ReadOptions
{
    Columns = args.Length > 1 && args[1] != "all" ? args[1].Split(',').ToHashSet() : null,
    Threads = args.Length > 2 ? int.Parse(args[2]) : null,
};
int repeats = args.Length > 3 ? int.Parse(args[3]) : 1;
var walls = new List<double>();
var process = Process.GetCurrentProcess();
for (int r = 0; r < repeats; r++)
{
    process.Refresh();
    var cpu0 = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var (rows, columns) = ReadOnce(args[0], options);
    watch.Stop();
    process.Refresh();
    double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
    walls.Add(watch.Elapsed.TotalSeconds);
    Console.WriteLine($"{rows} rows x {columns} columns in {watch.Elapsed.TotalSeconds:F2} s " +
                      $"(cpu {cpu:F2} s); managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
    GC.Collect();
}
walls.Sort();
if (repeats > 1) Console.WriteLine($"min {walls[0]:F2} s, median {walls[walls.Count / 2]:F2} s over {repeats}");
return 0;

// A separate frame so the previous read's arrays are unreachable before the next read starts.
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static (long Rows, int Columns) ReadOnce(string path, ReadOptions options)
{
    var frame = DataReader.Read(path, options);
    return (frame.RowCount, frame.Columns.Count);
}
