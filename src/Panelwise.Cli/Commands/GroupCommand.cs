using System.CommandLine;
using System.Globalization;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Design;
using Panelwise.IO;
using Panelwise.Methods.Grouping;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise group DATA --indicators "a, b, c" --id UNIT [--method kmeans|ward] [--k 3] [--pca N|auto]</c>:
/// groups units by their indicators (optionally on principal-component scores) into a labelled categorical column.</summary>
public static class GroupCommand
{
    private static readonly Dictionary<string, ClusteringMethod> Methods = new()
    {
        ["kmeans"] = ClusteringMethod.KMeans,
        ["k-means"] = ClusteringMethod.KMeans,
        ["ward"] = ClusteringMethod.Ward,
    };

    /// <summary>The command writing to the console.</summary>
    public static Command Create() => Create(Console.Out, Console.Error);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var indicators = new Option<string?>("--indicators") { Description = "Numeric columns describing the units: \"a, b, c\" (averaged over each unit's rows)." };
        var id = new Option<string?>("--id") { Description = "Unit identifier column: the units to group (industries, provinces)." };
        var method = new Option<string?>("--method") { Description = "kmeans (default; seeded k-means++ starts) | ward (hierarchical, ward.D2)." };
        var k = new Option<int?>("--k") { Description = "Number of groups (default 3)." };
        var pca = new Option<string?>("--pca") { Description = "Cluster on N principal-component scores, or 'auto' for those with eigenvalue > 1." };
        var labels = new Option<string?>("--labels") { Description = "One label per group, lowest group first: \"labour,capital,technology\"." };
        var name = new Option<string?>("--name") { Description = "The new categorical column (default: group)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the k-means starts (default 12345): the same seed gives the same groups." };
        var filter = new Option<string?>("--if") { Description = "Stata-style sample filter: rows that describe the units; the group is empty outside it." };
        var output = new Option<string?>("--out") { Description = "Write the data with the new column to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Print {pca, groups, column, notes} as JSON instead of the tables." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };

        var command = new Command("group", "Group units by their indicators (k-means or Ward, optionally on principal components) into a labelled column.")
        {
            data, indicators, id, method, k, pca, labels, name, seed, filter, output, json, sheet,
        };
        command.SetAction(parse =>
        {
            var columns = Split(parse.GetValue(indicators)
                ?? throw new UserInputException("Say which indicators describe the units: --indicators \"a, b, c\"."));
            string unit = parse.GetValue(id) ?? throw new UserInputException("Say which column identifies the units: --id UNIT.");
            var (usePca, components) = ParsePca(parse.GetValue(pca));
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions { Sheet = parse.GetValue(sheet) });
            var condition = parse.GetValue(filter);
            var options = new UnitGroupingOptions
            {
                K = parse.GetValue(k) ?? 3,
                Method = ParseMethod(parse.GetValue(method)),
                Labels = parse.GetValue(labels) is { } text ? Split(text) : null,
                Seed = parse.GetValue(seed) ?? 12345,
                UsePrincipalComponents = usePca,
                Components = components,
                Sample = condition is null ? null : RowFilter.Evaluate(frame, condition),
            };
            var result = UnitGrouping.Group(frame, unit, columns, parse.GetValue(name) ?? "group", options);
            if (parse.GetValue(output) is { } path) FrameWriter.WriteCsv(result.Data, path);
            stdout.Write(parse.GetValue(json) ? GroupJson.Write(result) + "\n" : GroupText.Write(result, options));
            return 0;
        });
        return command;
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static ClusteringMethod ParseMethod(string? text)
    {
        if (text is null) return ClusteringMethod.KMeans;
        return Methods.TryGetValue(text.Trim().ToLowerInvariant(), out var m) ? m
            : throw new UserInputException($"--method: \"{text}\" is not one of kmeans, ward.");
    }

    private static (bool Use, int? Components) ParsePca(string? text)
    {
        if (text is null) return (false, null);
        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)) return (true, null);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 ? (true, n)
            : throw new UserInputException($"--pca: \"{text}\" is neither a number of components (1, 2, ...) nor auto.");
    }
}
