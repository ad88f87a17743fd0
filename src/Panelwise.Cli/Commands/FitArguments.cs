using System.CommandLine;
using Panelwise.Formula;
using Panelwise.Absorb;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Models;

namespace Panelwise.Cli.Commands;

/// <summary>The arguments and options that <c>fit</c> and <c>hausman</c> share, and their translation into a
/// <see cref="FitOptions"/> and a data frame (text is parsed into typed values here, at the boundary).</summary>
internal sealed class FitArguments
{
    public Argument<string> Data { get; } = new("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
    public Argument<string> Formula { get; } = new("formula") { Description = "fixest-style formula, e.g. \"y ~ x1 + log(x2) | id + year\"." };
    public Option<string?> Panel { get; } = new("--panel") { Description = "Panel identifiers \"id,time\" (needed by l(), f(), d() and every --model but ols; checks for duplicate pairs)." };
    public Option<string> Vcov { get; } = new("--vcov") { Description = "iid | hc0 | hc1 (robust) | hc2 | hc3 | cluster:VAR | cluster:VAR1+VAR2 | dk[:LAG] | nw[:LAG] (dk, nw need --panel)", DefaultValueFactory = _ => "iid" };
    public Option<string?> Weights { get; } = new("--weights") { Description = "Analytic weights column (Stata aweights)." };
    public Option<string?> Filter { get; } = new("--if") { Description = "Stata-style filter, e.g. \"year >= 2015 & region == 'east'\"; rows where it is missing are excluded." };
    public Option<bool> Json { get; } = new("--json") { Description = "Write one JSON document to stdout." };
    public Option<string?> Sheet { get; } = new("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
    public Option<string[]> Na { get; } = new("--na") { Description = "Extra text read as missing (repeatable), besides NA, N/A, ., -, null and empty.", AllowMultipleArgumentsPerToken = true };
    public Option<double> FeTol { get; } = new("--fe-tol") { Description = "Fixed-effect solver tolerance: conjugate gradients bound the estimated error of each demeaned column relative to its centred norm (slopes then err by about its square); sweeps of alternating projections, the change per sweep.", DefaultValueFactory = _ => 1e-8 };
    public Option<int> FeMaxIter { get; } = new("--fe-maxiter") { Description = "Fixed-effect solver iteration limit (sweeps plus conjugate-gradient iterations); reaching it is an error.", DefaultValueFactory = _ => 10_000 };
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (0 = all cores).", DefaultValueFactory = _ => 0 };
    public Option<bool> KeepSingletons { get; } = new("--keep-singletons") { Description = "Keep observations alone in a fixed-effect level." };
    public Option<bool> Timing { get; } = new("--timing") { Description = "Print read and estimation times to stderr." };

    /// <summary>Adds the shared arguments and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool withFormula = true)
    {
        command.Arguments.Add(Data);
        if (withFormula) command.Arguments.Add(Formula);
        foreach (Option o in (Option[])[Panel, Vcov, Weights, Filter, Json, Sheet, Na, FeTol, FeMaxIter, Threads, KeepSingletons, Timing])
            command.Options.Add(o);
    }

    public FitOptions Options(ParseResult parse, PanelModel model = PanelModel.Ols, bool showFixedEffects = false) => new()
    {
        Panel = ParsePanel(parse.GetValue(Panel)),
        Vcov = ParseVcov(parse.GetValue(Vcov)!),
        If = parse.GetValue(Filter),
        Weights = parse.GetValue(Weights),
        Model = model,
        ShowFixedEffects = showFixedEffects,
        Estimation = new EstimationOptions
        {
            Absorb = new AbsorbOptions { Tolerance = parse.GetValue(FeTol), MaxIterations = parse.GetValue(FeMaxIter), Threads = parse.GetValue(Threads) },
            DropSingletons = !parse.GetValue(KeepSingletons),
            Threads = parse.GetValue(Threads),
        },
    };

    /// <summary>Reads only the columns the fit of <paramref name="formula"/> (default: the formula argument; or the
    /// already <paramref name="parsed"/> one) needs.</summary>
    public Frame ReadFrame(ParseResult parse, FitOptions options, IEnumerable<string>? extraColumns = null, string? formula = null,
        ParsedFormula? parsed = null)
    {
        var columns = new HashSet<string>(parsed is not null
            ? Regression.RequiredColumns(parsed, options)
            : Regression.RequiredColumns(formula ?? parse.GetValue(Formula)!, options));
        columns.UnionWith(extraColumns ?? []);
        return DataReader.Read(parse.GetValue(Data)!, new ReadOptions
        {
            Columns = columns,
            Sheet = parse.GetValue(Sheet),
            NaStrings = [.. ReadOptions.DefaultNaStrings, .. parse.GetValue(Na) ?? []],
            Threads = parse.GetValue(Threads) > 0 ? parse.GetValue(Threads) : null,
        });
    }

    /// <summary>The core's message names the text but not where it came from: prefix the option (a study names its
    /// own line instead, see StudyPlanner).</summary>
    private static VcovSpec ParseVcov(string text)
    {
        try
        {
            return VcovSpec.Parse(text);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException("--vcov: " + ex.Template, ex) { Term = "--vcov" };
        }
    }

    private static (string, string)? ParsePanel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2) throw new UserInputException($"--panel takes two column names, \"id,time\"; got \"{text}\".");
        return (parts[0], parts[1]);
    }
}
