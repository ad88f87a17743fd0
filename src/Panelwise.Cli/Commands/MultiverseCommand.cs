using System.CommandLine;
using Panelwise.Absorb;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.IO;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Panelwise.Render.Json;
using Panelwise.Render.Plots;
using Panelwise.Render.Terminal;
using Panelwise.Render.Writers;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise multiverse DATA --y "y1; y2" --x "x; l(x, 1)" --controls "none; c1" --fe "none; id + year"
/// --vcov "cluster:id; iid" --if "all; year &lt;= 2022"</c>: every combination as a specification, the focal term's
/// coefficient in each, and the specification curve's summary (issue 18).</summary>
internal static class MultiverseCommand
{
    private const string Conventions = """
        Each dimension is a ';'-separated list of choices; the specifications are their cartesian product,
        y ~ x + controls | fe on the sample under the covariance ('none' and 'all' add nothing); with an instrument
        set z from --iv, x is endogenous: y ~ controls | fe | x ~ z by --estimator (default 2sls). Each is fitted as
        'panelwise fit' fits it (its sample is the rows complete for its own variables, singletons dropped).
        --exclude "x = l(x, 1) & fe = none" leaves out matching combinations (repeatable or ';'-separated);
        --baseline "controls = c1 & fe = id + year" marks one (other dimensions: first choice) and reports its rank
        in the curve (1 = smallest estimate). Significant: two-sided p < 0.05.
        --joint B: y* = y - b x per spec, units resampled B times (seeded), p = share of draws whose median (and number
        significant in the observed median's direction) is at least as extreme as observed.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var y = new Option<string>("--y") { Description = "Outcomes, e.g. \"y1; log(y2)\".", Required = true };
        var x = new Option<string>("--x") { Description = "Focal terms whose coefficient is reported, e.g. \"x; winsor(x, 0.01); l(x, 1)\".", Required = true };
        var iv = new Option<string>("--iv") { Description = "Instrument sets of the focal term, e.g. \"none; z1; z1 + z2\" (none = OLS; else y ~ controls | fe | x ~ z).", DefaultValueFactory = _ => "none" };
        var estimator = new Option<string>("--estimator") { Description = "IV estimator of the instrumented specifications: 2sls | liml | gmm2s | gmm.", DefaultValueFactory = _ => "2sls" };
        var controls = new Option<string>("--controls") { Description = "Control sets, e.g. \"none; c1; c1 + c2\".", DefaultValueFactory = _ => "none" };
        var fe = new Option<string>("--fe") { Description = "Fixed-effect sets, e.g. \"none; id + year\".", DefaultValueFactory = _ => "none" };
        var vcov = new Option<string>("--vcov") { Description = "Covariances, e.g. \"iid; hc1; cluster:id\".", DefaultValueFactory = _ => "iid" };
        var samples = new Option<string>("--if") { Description = "Samples as Stata-style filters, e.g. \"all; year <= 2022\".", DefaultValueFactory = _ => "all" };
        var exclude = new Option<string[]>("--exclude") { Description = "Combinations to leave out, e.g. \"x = l(x, 1) & fe = none\".", AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "The baseline specification, e.g. \"controls = c1 + c2 & fe = id + year\"." };
        var panel = new Option<string?>("--panel") { Description = "Panel identifiers \"id,time\" (needed by l(), f(), d())." };
        var weights = new Option<string?>("--weights") { Description = "Analytic weights column (Stata aweights), in every specification." };
        var json = new Option<bool>("--json") { Description = "Write {specs, summary} as JSON to stdout." };
        var output = new Option<string?>("--out") { Description = "Write the table of specifications to this CSV file." };
        var plot = new Option<string?>("--plot") { Description = "Draw the specification curve to this PNG file." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
        var na = new Option<string[]>("--na") { Description = "Extra text read as missing (repeatable).", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var joint = new Option<int>("--joint") { Description = "Bootstrap draws of the joint test under H0 (Simonsohn et al. 2020), resampling --panel units (else rows); 0 = none.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the joint test's draws.", DefaultValueFactory = _ => 12345 };
        var keepSingletons = new Option<bool>("--keep-singletons") { Description = "Keep observations alone in a fixed-effect level." };
        var command = new Command("multiverse", "Fit every combination of outcomes, focal terms, instruments, controls, fixed effects, covariances and samples: the specification curve.\n\n" + Conventions)
        {
            data, y, x, iv, estimator, controls, fe, vcov, samples, exclude, baseline, panel, weights, json, output, plot, sheet, na, threads, keepSingletons, joint, seed,
        };
        command.SetAction(parse =>
        {
            var spec = new MultiverseSpec
            {
                Outcomes = Split(parse.GetValue(y)!),
                FocalTerms = Split(parse.GetValue(x)!),
                Instruments = Split(parse.GetValue(iv)!),
                ControlSets = Split(parse.GetValue(controls)!),
                FixedEffectSets = Split(parse.GetValue(fe)!),
                Vcovs = Split(parse.GetValue(vcov)!),
                Samples = Split(parse.GetValue(samples)!),
                Exclusions = (parse.GetValue(exclude) ?? []).SelectMany(Split).ToList(),
                Baseline = parse.GetValue(baseline),
                JointDraws = parse.GetValue(joint),
                Seed = parse.GetValue(seed),
            };
            int threadCount = parse.GetValue(threads);
            var options = new FitOptions
            {
                Panel = ParsePanel(parse.GetValue(panel)),
                Weights = parse.GetValue(weights),
                Iv = new IvOptions { Estimator = IvOptions.ParseEstimator(parse.GetValue(estimator)!) },
                Estimation = new EstimationOptions
                {
                    Absorb = new AbsorbOptions { Threads = threadCount },
                    DropSingletons = !parse.GetValue(keepSingletons),
                    Threads = threadCount,
                },
            };
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions
            {
                Columns = Multiverse.RequiredColumns(spec, options),
                Sheet = parse.GetValue(sheet),
                NaStrings = [.. ReadOptions.DefaultNaStrings, .. parse.GetValue(na) ?? []],
                Threads = threadCount > 0 ? threadCount : null,
            });
            var result = Multiverse.Run(frame, spec, options);
            if (parse.GetValue(output) is { } csv) MultiverseCsv.Write(result, csv);
            if (parse.GetValue(plot) is { } png) File.WriteAllBytes(png, SpecificationCurvePlot.Build(result).Png());
            stdout.Write(parse.GetValue(json) ? MultiverseJson.Write(result) + "\n" : MultiverseText.Write(result));
            return 0;
        });
        return command;
    }

    private static List<string> Split(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static (string, string)? ParsePanel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new UserInputException($"--panel takes two column names, \"id,time\"; got \"{text}\".");
        return (parts[0], parts[1]);
    }
}
