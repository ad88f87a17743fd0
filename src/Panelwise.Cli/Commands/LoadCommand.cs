using System.CommandLine;
using System.Diagnostics;
using Panelwise.IO;
using Panelwise.IO.Engines;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise load DATA --into "postgresql://...?table=NAME" [--shard-by COLUMN]</c>: a data file into a
/// table of a PostgreSQL-protocol engine, hash-partitioned over its postgres_fdw workers when --shard-by is given (the
/// push-down fit groups by the large effect, so shard by it).</summary>
internal static class LoadCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var into = new Option<string>("--into") { Description = "Target table: postgresql://user@host:port/db?table=NAME (replaced).", Required = true };
        var shardBy = new Option<string?>("--shard-by") { Description = "Hash-partition the table on this column over the coordinator's postgres_fdw workers." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
        var command = new Command("load", "Load a data file into a table of a PostgreSQL-protocol engine, optionally sharded.") { data, into, shardBy, sheet };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions { Sheet = parse.GetValue(sheet) });
            var target = EngineSource.Parse(parse.GetValue(into)!);
            int shards = EngineLoader.Load(frame, target, parse.GetValue(shardBy));
            stdout.WriteLine($"Loaded {frame.RowCount} rows x {frame.Columns.Count} columns into {target.Display}" +
                             $"{(shards > 1 ? $" ({shards} shards by {parse.GetValue(shardBy)})" : "")} in {clock.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }
}
