using Panelwise.Tests.Fuzz;

// Usage: dotnet run --project bench/fuzz -c Release -- [TOTAL=100000] [FIRST_SEED=1000000] [THREADS=2] [REPORT=fuzz-report.txt]
// Seeds FIRST_SEED.. of each generator, split by the shares below; exit 1 when any input violates the invariant.
int total = args.Length > 0 ? int.Parse(args[0]) : 100_000;
int first = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
int threads = args.Length > 2 ? int.Parse(args[2]) : 2;
string reportPath = args.Length > 3 ? args[3] : "fuzz-report.txt";

// Study runs write 20+ files each (about 30x a fit), so they get a smaller share.
var shares = new Dictionary<string, double> { ["formula"] = 0.26, ["filter"] = 0.26, ["csv"] = 0.23, ["options"] = 0.23, ["study"] = 0.02 };
var counts = shares.ToDictionary(s => s.Key, s => (int)Math.Round(total * s.Value));
Console.WriteLine($"fuzz: {counts.Values.Sum()} inputs ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}), seeds from {first}, {threads} threads");
var campaign = FuzzCampaign.Run(counts, first, threads, c => Console.WriteLine($"  {c.Total} done, {c.Findings.Count} violations"));
string report = campaign.Report(showFindings: 50);
File.WriteAllText(reportPath, report);
Console.WriteLine(report.Length > 20_000 ? report[..20_000] + $"\n... (full report in {reportPath})" : report);
return campaign.Findings.IsEmpty ? 0 : 1;
