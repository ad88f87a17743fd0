using System.CommandLine;
using System.Diagnostics;
using Panelwise.Absorb;
using Panelwise.Cli.Output;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise fit DATA "FORMULA"</c>: OLS with absorbed fixed effects and Stata-convention standard errors.</summary>
internal static class FitCommand
{
    private const string Conventions = """
        Conventions (Stata's): iid s2 = SSR/(N-K); hc1 = HC0*N/(N-K); cluster CR1 = G/(G-1)*(N-1)/(N-K) with t(G-1);
        two-way clustering (Cameron-Gelbach-Miller) with Gmin/(Gmin-1)*(N-1)/(N-K) and t(Gmin-1). K counts the
        coefficients (incl. _cons) and the absorbed fixed-effect levels (exact for two effects via connected
        components); effects nested in a cluster variable are not counted under clustering (xtreg fe / reghdfe).
        With fixed effects, _cons = ybar - xbar'b as reghdfe reports it. Singletons are dropped (reghdfe default).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var formula = new Argument<string>("formula") { Description = "fixest-style formula, e.g. \"y ~ x1 + log(x2) | id + year\"." };
        var panel = new Option<string?>("--panel") { Description = "Panel identifiers \"id,time\" (needed by l(), f(), d(); checks for duplicate pairs)." };
        var vcov = new Option<string>("--vcov") { Description = "iid | hc0 | hc1 (robust) | hc2 | hc3 | cluster:VAR | cluster:VAR1+VAR2", DefaultValueFactory = _ => "iid" };
        var weights = new Option<string?>("--weights") { Description = "Analytic weights column (Stata aweights)." };
        var filter = new Option<string?>("--if") { Description = "Stata-style filter, e.g. \"year >= 2015 & region == 'east'\"; rows where it is missing are excluded." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (an array for csw()/sw()) to stdout." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
        var na = new Option<string[]>("--na") { Description = "Extra text read as missing (repeatable), besides NA, N/A, ., -, null and empty.", AllowMultipleArgumentsPerToken = true };
        var feTol = new Option<double>("--fe-tol") { Description = "Fixed-effect solver tolerance (relative change per sweep).", DefaultValueFactory = _ => 1e-8 };
        var feMaxIter = new Option<int>("--fe-maxiter") { Description = "Fixed-effect solver iteration limit.", DefaultValueFactory = _ => 10_000 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var keepSingletons = new Option<bool>("--keep-singletons") { Description = "Keep observations alone in a fixed-effect level." };
        var timing = new Option<bool>("--timing") { Description = "Print read and estimation times to stderr." };
        var estimator = new Option<string>("--estimator") { Description = "IV estimator for \"y ~ x | fe | endo ~ z\": 2sls | liml | gmm2s.", DefaultValueFactory = _ => "2sls" };
        var firstStage = new Option<bool>("--first-stage") { Description = "IV: report the first stages (coefficients, F, partial and Shea R2, Sanderson-Windmeijer F)." };
        var endog = new Option<string?>("--endog") { Description = "IV: endogenous regressors tested by the C (difference-in-Sargan) test, \"x1,x2\" (default: all)." };

        var command = new Command("fit", "Fit a linear model with absorbed fixed effects.\n\n" + Conventions)
        {
            data, formula, panel, vcov, weights, filter, json, sheet, na, feTol, feMaxIter, threads, keepSingletons, timing,
            estimator, firstStage, endog,
        };
        command.SetAction(parse =>
        {
            var options = new FitOptions
            {
                Panel = ParsePanel(parse.GetValue(panel)),
                Vcov = VcovSpec.Parse(parse.GetValue(vcov)!),
                If = parse.GetValue(filter),
                Weights = parse.GetValue(weights),
                Iv = new IvOptions
                {
                    Estimator = IvOptions.ParseEstimator(parse.GetValue(estimator)!),
                    EndogeneityTest = parse.GetValue(endog)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                },
                Estimation = new EstimationOptions
                {
                    Absorb = new AbsorbOptions { Tolerance = parse.GetValue(feTol), MaxIterations = parse.GetValue(feMaxIter), Threads = parse.GetValue(threads) },
                    DropSingletons = !parse.GetValue(keepSingletons),
                    Threads = parse.GetValue(threads),
                },
            };
            string path = parse.GetValue(data)!;
            string text = parse.GetValue(formula)!;
            var clock = Stopwatch.StartNew();
            var frame = DataReader.Read(path, new ReadOptions
            {
                Columns = Regression.RequiredColumns(text, options),
                Sheet = parse.GetValue(sheet),
                NaStrings = [.. ReadOptions.DefaultNaStrings, .. parse.GetValue(na) ?? []],
                Threads = parse.GetValue(threads) > 0 ? parse.GetValue(threads) : null,
            });
            double readSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var results = Regression.Fit(frame, text, options);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            bool showFirst = parse.GetValue(firstStage);
            if (parse.GetValue(json)) stdout.Write(JsonContract.Write(results, showFirst) + "\n");
            else foreach (var r in results) stdout.WriteLine(TextTable.Write(r) + (r.Iv is { } iv ? IvTable.Write(iv, showFirst) : ""));
            if (parse.GetValue(timing))
            {
                var phases = results.SelectMany(r => r.Timings).GroupBy(t => t.Phase).Select(g => $"{g.Key} {g.Sum(t => t.Seconds):F3} s");
                stderr.WriteLine($"timing: read {readSeconds:F3} s, estimate {fitSeconds:F3} s ({frame.RowCount} rows; {string.Join(", ", phases)})");
            }
            return 0;
        });
        return command;
    }

    private static (string, string)? ParsePanel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new ArgumentException($"--panel takes two column names, \"id,time\"; got \"{text}\".");
        return (parts[0], parts[1]);
    }
}
