using System.Diagnostics;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Inference.Bootstrap;
using Panelwise.Models;

// Usage: WildBoot [units=35] [periods=12] [reps=9999] [runs=5]. Times the wild cluster restricted bootstrap (all
// coefficients, p-values and test-inversion intervals) on a synthetic panel, y ~ x1 + x2 + x3 | id, clustered by id,
// after one warm-up run. The fit itself is timed separately.
int units = args.Length > 0 ? int.Parse(args[0]) : 35;
int periods = args.Length > 1 ? int.Parse(args[1]) : 12;
int reps = args.Length > 2 ? int.Parse(args[2]) : 9999;
int runs = args.Length > 3 ? int.Parse(args[3]) : 5;
var random = new Random(1);
int n = units * periods;
var id = new double[n];
var year = new double[n];
var x = Enumerable.Range(0, 3).Select(_ => new double[n]).ToArray();
var y = new double[n];
for (int i = 0; i < n; i++)
{
    id[i] = i / periods;
    year[i] = 2000 + i % periods;
    double unitShock = Math.Sin(id[i]);
    for (int j = 0; j < 3; j++) x[j][i] = random.NextDouble() + 0.3 * unitShock;
    y[i] = 1 + 0.5 * x[0][i] - 0.2 * x[1][i] + unitShock + random.NextDouble();
}
var frame = new Frame([
    new NumericColumn("id", id), new NumericColumn("year", year), new NumericColumn("y", y),
    new NumericColumn("x1", x[0]), new NumericColumn("x2", x[1]), new NumericColumn("x3", x[2]),
]);
var clock = Stopwatch.StartNew();
var result = Regression.Fit(frame, "y ~ x1 + x2 + x3 | id", new FitOptions { Vcov = VcovSpec.Cluster("id") })[0];
Console.WriteLine($"fit: {clock.Elapsed.TotalMilliseconds:F1} ms ({n} observations, {units} clusters)");
foreach (var weights in new[] { BootstrapWeights.Rademacher, BootstrapWeights.Webb })
{
    var spec = new WildBootstrapSpec(reps, weights, Seed: 1);
    WildClusterBootstrap.Run(result, spec);
    var times = new List<double>();
    WildBootstrapResult? boot = null;
    for (int r = 0; r < runs; r++)
    {
        clock.Restart();
        boot = WildClusterBootstrap.Run(result, spec);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"wild bootstrap {weights}, B = {boot!.Reps}: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms over {runs} runs");
    foreach (var c in boot.Coefficients) Console.WriteLine($"  {c.Term}: p = {c.PValue:F4}, CI [{c.ConfLow:F4}, {c.ConfHigh:F4}]");
}
