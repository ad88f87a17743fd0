using System.CommandLine;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.IO;
using Panelwise.Methods.Descriptive;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise describe DATA [VARS...] [--if EXPR] [--corr] [--vif] [--json]</c>: a quick look at the data
/// as papers' Table 1 shows it (N, mean, median, SD, min, max), with pairwise correlations and VIFs on request.</summary>
public static class DescribeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "Data file: .csv/.tsv, .xlsx, .dta or .parquet." };
        var variables = new Argument<string[]>("variables") { Description = "Numeric columns to describe (default: every numeric column).", Arity = ArgumentArity.ZeroOrMore };
        var filter = new Option<string?>("--if") { Description = "Stata-style sample filter, e.g. \"year >= 2015\"." };
        var corr = new Option<bool>("--corr") { Description = "Also print pairwise correlations with stars (* 0.1, ** 0.05, *** 0.01)." };
        var vif = new Option<bool>("--vif") { Description = "Also print variance inflation factors (each variable on the others)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx file (default: the first)." };
        var command = new Command("describe", "Descriptive statistics (N, mean, median, SD, min, max), correlations and VIFs.")
        {
            data, variables, filter, corr, vif, json, sheet,
        };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(variables) ?? [];
            string? condition = parse.GetValue(filter);
            var columns = names.Length == 0 ? null : new HashSet<string>(names.Concat(condition is null ? [] : RowFilter.Columns(condition)));
            var frame = DataReader.Read(parse.GetValue(data)!, new ReadOptions { Columns = columns, Sheet = parse.GetValue(sheet) });
            IReadOnlyList<string> chosen = names.Length > 0 ? names : frame.Columns.OfType<NumericColumn>().Select(c => c.Name).ToList();
            foreach (var name in chosen) frame.Numeric(name);
            bool[]? sample = condition is null ? null : RowFilter.Evaluate(frame, condition);
            int rows = sample?.Count(k => k) ?? frame.RowCount;
            var summaries = DescriptiveStatistics.Summarise(frame, chosen, sample);
            var correlations = parse.GetValue(corr) ? Correlations.Compute(frame, chosen, sample) : null;
            var factors = parse.GetValue(vif) ? VarianceInflation.Compute(frame, chosen, sample) : null;
            stdout.Write(parse.GetValue(json)
                ? DescriptiveJson.Write(rows, summaries, correlations, factors) + "\n"
                : DescriptiveText.Write(rows, summaries, correlations, factors));
            return 0;
        });
        return command;
    }
}
