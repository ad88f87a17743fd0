using System.CommandLine;
using System.Globalization;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Design;
using Panelwise.IO;
using Panelwise.IO.Specs;
using Panelwise.Methods.Indices;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise index DATA --spec SPEC.yaml</c> or <c>--indicators "pcap:+, unemp:-" --method entropy</c>:
/// composite indices (entropy, CRITIC, fixed or equal weights; TOPSIS; coupling coordination).</summary>
public static class IndexCommand
{
    /// <summary>The command writing to the console.</summary>
    public static Command Create() => Create(Console.Out, Console.Error);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var spec = new Option<string?>("--spec") { Description = "YAML index specification (hierarchy, directions, methods, normalisation)." };
        var indicators = new Option<string?>("--indicators") { Description = "Single-level index without a spec: \"col:+, col:-\" (append :WEIGHT for --method fixed)." };
        var method = new Option<string?>("--method") { Description = "With --indicators: entropy (default) | critic | equal | fixed." };
        var name = new Option<string?>("--name") { Description = "With --indicators: the new column's name (default: index)." };
        var aggregation = new Option<string?>("--aggregation") { Description = "With --indicators: weighted_sum (default) | topsis." };
        var normalise = new Option<string?>("--normalise") { Description = "min_max (default) | z_score | ratio_to_max." };
        var shift = new Option<double?>("--shift") { Description = "Added to min-max values, e.g. 0.0001 to avoid ln 0 (default 0)." };
        var reference = new Option<string?>("--reference") { Description = "pooled (default) | per_year | base_year: rows that give min and max." };
        var baseYear = new Option<double?>("--base-year") { Description = "The base year for --reference base_year." };
        var id = new Option<string?>("--id") { Description = "Unit identifier column (for --missing interpolate)." };
        var time = new Option<string?>("--time") { Description = "Time column (per-year or base-year reference, interpolation)." };
        var missing = new Option<string?>("--missing") { Description = "error (default) | interpolate: within-unit linear interpolation of gaps." };
        var filter = new Option<string?>("--if") { Description = "Stata-style sample filter; index columns are empty outside it." };
        var output = new Option<string?>("--out") { Description = "Write the data with the new columns to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Print {weights, columns, notes} as JSON instead of the table." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };

        var command = new Command("index", "Build composite indices from indicators (entropy, CRITIC, fixed or equal weights; TOPSIS; coupling coordination).")
        {
            data, spec, indicators, method, name, aggregation, normalise, shift, reference, baseYear, id, time, missing, filter, output, json, sheet,
        };
        command.SetAction(parse =>
        {
            var indexSpec = BuildSpec(parse.GetValue(spec), parse.GetValue(indicators), parse.GetValue(method), parse.GetValue(name), parse.GetValue(aggregation));
            indexSpec = indexSpec with
            {
                Normalisation = indexSpec.Normalisation with
                {
                    Method = Word(IndexVocabulary.Normalisations, "--normalise", parse.GetValue(normalise)) ?? indexSpec.Normalisation.Method,
                    Shift = parse.GetValue(shift) ?? indexSpec.Normalisation.Shift,
                    Reference = Word(IndexVocabulary.References, "--reference", parse.GetValue(reference)) ?? indexSpec.Normalisation.Reference,
                    BaseYear = parse.GetValue(baseYear) ?? indexSpec.Normalisation.BaseYear,
                },
                UnitColumn = parse.GetValue(id) ?? indexSpec.UnitColumn,
                TimeColumn = parse.GetValue(time) ?? indexSpec.TimeColumn,
                Missing = Word(IndexVocabulary.MissingPolicies, "--missing", parse.GetValue(missing)) ?? indexSpec.Missing,
            };
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions { Sheet = parse.GetValue(sheet) });
            var condition = parse.GetValue(filter);
            bool[]? sample = condition is null ? null : RowFilter.Evaluate(frame, condition);
            var result = IndexBuilder.Build(frame, indexSpec, sample);
            if (parse.GetValue(output) is { } path) FrameWriter.WriteCsv(result.Data, path);
            int rows = sample?.Count(k => k) ?? frame.RowCount;
            stdout.Write(parse.GetValue(json) ? IndexJson.Write(result) + "\n" : IndexText.Write(result, rows));
            return 0;
        });
        return command;
    }

    private static IndexSpec BuildSpec(string? specPath, string? indicators, string? method, string? name, string? aggregation)
    {
        if (specPath is not null && indicators is not null)
            throw new UserInputException("Give either --spec FILE or --indicators \"col:+, ...\", not both.");
        if (specPath is not null)
        {
            if (method is not null || name is not null || aggregation is not null)
                throw new UserInputException("--method, --name and --aggregation apply to --indicators; with --spec set them in the spec file.");
            return IndexSpecReader.Read(specPath);
        }
        if (indicators is null) throw new UserInputException("Say what to build: --spec SPEC.yaml, or --indicators \"col:+, col:-\" --method entropy.");
        return new IndexSpec
        {
            Root = new IndexNode
            {
                Name = name ?? "index",
                Method = Word(IndexVocabulary.Methods, "--method", method) ?? WeightingMethod.Entropy,
                Aggregation = Word(IndexVocabulary.Aggregations, "--aggregation", aggregation) ?? Aggregation.WeightedSum,
                Indicators = indicators.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseIndicator).ToList(),
                Origin = "--indicators",
            },
        };
    }

    /// <summary>"col", "col:+", "col:-" or "col:+:0.25".</summary>
    private static IndicatorSpec ParseIndicator(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length > 3 || parts[0].Length == 0)
            throw new UserInputException($"--indicators: cannot read \"{text}\"; write COLUMN:+ or COLUMN:- (and :WEIGHT for fixed weights).");
        var direction = parts.Length > 1 ? Word(IndexVocabulary.Directions, $"direction of {parts[0]} in --indicators", parts[1]) : Direction.Positive;
        double? weight = null;
        if (parts.Length == 3)
            weight = double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w
                : throw new UserInputException($"--indicators: the weight of {parts[0]}, \"{parts[2]}\", is not a number.");
        return new IndicatorSpec { Column = parts[0], Direction = direction ?? Direction.Positive, Weight = weight, Origin = "--indicators" };
    }

    private static T? Word<T>(IReadOnlyDictionary<string, T> words, string option, string? text) where T : struct
    {
        if (text is null) return null;
        return words.TryGetValue(text.Trim().ToLowerInvariant(), out var value) ? value
            : throw new UserInputException($"{option}: \"{text}\" is not one of {string.Join(", ", words.Keys)}.");
    }
}
