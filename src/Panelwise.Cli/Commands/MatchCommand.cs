using System.CommandLine;
using System.Globalization;
using Panelwise.Cli.Output;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.Methods.Matching;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise match DATA --treat D --covariates "x1 + x2" [--method nearest:K|radius|kernel] [--outcome Y]
/// [--out matched.csv]</c>: propensity-score matching with psmatch2's conventions (Leuven and Sianesi 2003) and
/// MatchIt's greedy order without replacement (Ho, Imai, King and Stuart 2011).</summary>
internal static class MatchCommand
{
    private const string Conventions = """
        Score: logit (default) or probit of D on the covariates by ML; perfect separation is an error. nearest:K takes
        the K nearest controls by |p_t - p_c|; without --replace greedily, treated units in --order of their score
        (largest first, as MatchIt); with --replace each treated unit in data order (psmatch2), --ties averaging controls
        tied at the K-th distance. radius: every control within --caliper, equally weighted. kernel: Epanechnikov weights
        of |p_t - p_c| / --bandwidth (0.06, psmatch2's default); radius and kernel always reuse controls.
        ATT = mean over matched treated of y_t - sum_c w_tc y_c. --bootstrap B: bootstrap S.E. (rows resampled, score
        re-estimated, seeded by --seed); --ai J: Abadie-Imbens (2006) S.E., score taken as known (psmatch2 ai(J)).
        Balance as pstest: %bias = 100 (mean_T - mean_C) / sqrt((s2_T + s2_C) / 2).
        --out adds _pscore, _treated, _weight (psmatch2's) and _support; re-run the model on the matched sample with
        fit ... --weights _weight --if "_weight > 0".
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var treat = new Option<string>("--treat") { Description = "Treatment indicator column (0/1).", Required = true };
        var covariates = new Option<string>("--covariates") { Description = "Covariates of the score model, \"x1 + x2\".", Required = true };
        var model = new Option<string>("--model") { Description = "logit | probit", DefaultValueFactory = _ => "logit" };
        var method = new Option<string>("--method") { Description = "nearest[:K] | radius | kernel", DefaultValueFactory = _ => "nearest:1" };
        var caliper = new Option<double?>("--caliper") { Description = "Largest |p_t - p_c| in score units (the radius for radius matching)." };
        var bandwidth = new Option<double>("--bandwidth") { Description = "Kernel bandwidth in score units.", DefaultValueFactory = _ => 0.06 };
        var replace = new Option<bool>("--replace") { Description = "Nearest neighbour: reuse controls (psmatch2); without it greedy matching without replacement." };
        var ties = new Option<bool>("--ties") { Description = "With --replace: average all controls tied at the nearest distance." };
        var order = new Option<string>("--order") { Description = "Without --replace: largest | smallest | data | random score first.", DefaultValueFactory = _ => "largest" };
        var common = new Option<bool>("--common") { Description = "Drop treated units outside the controls' score range (psmatch2 common)." };
        var outcome = new Option<string?>("--outcome") { Description = "Outcome for the ATT." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replications for the ATT's S.E. (0 = none).", DefaultValueFactory = _ => 0 };
        var ai = new Option<int>("--ai") { Description = "Abadie-Imbens S.E. of the ATT with J same-group neighbours (nearest with --replace).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of --order random and of the bootstrap.", DefaultValueFactory = _ => 12345 };
        var filter = new Option<string?>("--if") { Description = "Stata-style filter of the sample, e.g. \"year == 2015\"." };
        var output = new Option<string?>("--out") { Description = "Write the data with _pscore, _treated, _weight, _support to this CSV." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
        var na = new Option<string[]>("--na") { Description = "Extra text read as missing (repeatable).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("match", "Propensity-score matching: score model, nearest/radius/kernel matching, ATT, balance table.\n\n" + Conventions);
        command.Arguments.Add(data);
        foreach (Option o in (Option[])[treat, covariates, model, method, caliper, bandwidth, replace, ties, order, common, outcome, bootstrap, ai, seed, filter, output, json, sheet, na])
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var (kind, neighbours) = ParseMethod(parse.GetValue(method)!);
            string modelName = parse.GetValue(model)!.ToLowerInvariant();
            if (modelName is not ("logit" or "probit")) throw new UserInputException($"Unknown --model '{modelName}': use logit or probit.");
            string orderName = parse.GetValue(order)!.ToLowerInvariant();
            if (orderName is not ("largest" or "smallest" or "data" or "random"))
                throw new UserInputException($"Unknown --order '{orderName}': use largest, smallest, data or random.");
            var spec = new MatchingSpec
            {
                Treatment = parse.GetValue(treat)!,
                Covariates = parse.GetValue(covariates)!.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Outcome = parse.GetValue(outcome),
                Probit = modelName == "probit",
                Method = kind,
                Neighbours = neighbours,
                Caliper = parse.GetValue(caliper),
                Bandwidth = parse.GetValue(bandwidth),
                Replace = parse.GetValue(replace) || kind != MatchingMethod.Nearest,
                Ties = parse.GetValue(ties),
                Order = orderName,
                CommonSupport = parse.GetValue(common),
                BootstrapReps = parse.GetValue(bootstrap),
                AbadieImbensNeighbours = parse.GetValue(ai),
                Seed = parse.GetValue(seed),
            };
            if (spec.Ties && !spec.Replace) throw new UserInputException("--ties applies to matching with replacement (--replace).");
            string? condition = parse.GetValue(filter);
            string? outPath = parse.GetValue(output);
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions
            {
                // --out writes every column back, so it needs them all; otherwise only what the matching reads.
                Columns = outPath is null ? Needed(spec, condition) : null,
                Sheet = parse.GetValue(sheet),
                NaStrings = [.. ReadOptions.DefaultNaStrings, .. parse.GetValue(na) ?? []],
            });
            var progress = InteractiveProgress.ForTerminal(stderr);
            MatchingResult result;
            try
            {
                result = PropensityMatching.Run(frame, spec, condition, progress);
            }
            finally
            {
                progress?.Clear();
            }
            if (outPath is not null) FrameWriter.WriteCsv(MatchedFrame.Build(frame, result), outPath);
            stdout.Write(parse.GetValue(json) ? MatchJson.Write(result, spec) + "\n" : MatchText.Write(result, spec, "ask for one with --bootstrap B or (nearest with --replace) --ai J"));
            return 0;
        });
        return command;
    }

    private static HashSet<string> Needed(MatchingSpec spec, string? condition)
    {
        var columns = new HashSet<string>(spec.Covariates) { spec.Treatment };
        if (spec.Outcome is not null) columns.Add(spec.Outcome);
        if (!string.IsNullOrWhiteSpace(condition)) columns.UnionWith(Design.RowFilter.Columns(condition));
        return columns;
    }

    private static (MatchingMethod Method, int Neighbours) ParseMethod(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        switch (parts[0])
        {
            case "nearest" when parts.Length == 1:
                return (MatchingMethod.Nearest, 1);
            case "nearest" when int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k > 0:
                return (MatchingMethod.Nearest, k);
            case "nearest":
                throw new UserInputException($"--method nearest:K needs a positive number of neighbours, got '{parts[1]}'.");
            case "radius" when parts.Length == 1:
                return (MatchingMethod.Radius, 1);
            case "kernel" when parts.Length == 1:
                return (MatchingMethod.Kernel, 1);
            default:
                throw new UserInputException($"Unknown --method '{text}': use nearest:K, radius (with --caliper) or kernel (with --bandwidth).");
        }
    }
}
