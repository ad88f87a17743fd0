using System.Diagnostics;
using Panelwise.IO;

// Usage: ReadCsv FILE [col,col,...] [threads]. Prints wall time and the managed heap after the read.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ReadCsv FILE [columns] [threads]");
    return 1;
}
var options = new ReadOptions
{
    Columns = args.Length > 1 && args[1] != "all" ? args[1].Split(',').ToHashSet() : null,
    Threads = args.Length > 2 ? int.Parse(args[2]) : null,
};
var watch = Stopwatch.StartNew();
var frame = DataReader.Read(args[0], options);
watch.Stop();
Console.WriteLine($"{frame.RowCount} rows x {frame.Columns.Count} columns in {watch.Elapsed.TotalSeconds:F2} s; " +
                  $"managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
return 0;
