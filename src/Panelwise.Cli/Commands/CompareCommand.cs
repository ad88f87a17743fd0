using System.CommandLine;
using System.Globalization;
using Panelwise.Cli.Output;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Methods.GroupComparison;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise compare DATA "FORMULA" --by GROUP [--test suest|permutation:B|chow]</c>: the model per group and
/// tests that coefficients differ between groups.</summary>
internal static class CompareCommand
{
    private const string Conventions = """
        --by: a column (a group per value), an expression such as "year >= 2020" (groups !(expr) and expr), or
        topNN(x) / bottomNN(x) (x at or beyond its Stata _pctile cut over the --if rows, against the rest).
        suest: scores (X'X)^-1 x e stacked over both groups, summed within clusters across them (observations without
        --vcov cluster), V = G/(G-1) sum u u', Wald chi2(1) per coefficient. permutation:B: group labels reshuffled
        B times (seeded), two-sided p = share of |d*| >= |d|. chow: F = ((SSR_p - SSR_A - SSR_B)/k)/((SSR_A + SSR_B)/(N - 2k)).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = new FitArguments();
        var by = new Option<string>("--by") { Description = "Groups: a column, an expression, or topNN(x)/bottomNN(x).", Required = true };
        var test = new Option<string[]>("--test") { Description = "suest (default) | permutation:B | chow; repeatable or comma-separated.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the permutations.", DefaultValueFactory = _ => 12345 };
        var command = new Command("compare", "Fit the model per group and test equality of coefficients across groups.\n\n" + Conventions);
        shared.AddTo(command);
        foreach (Option o in (Option[])[by, test, seed]) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var (tests, reps) = ParseTests(parse.GetValue(test));
            var spec = new ComparisonSpec { By = parse.GetValue(by)!, Tests = tests, PermutationReps = reps, Seed = parse.GetValue(seed) };
            var options = shared.Options(parse);
            var byColumns = ByColumns(spec.By);
            var frame = shared.ReadFrame(parse, options, byColumns);
            var progress = InteractiveProgress.ForTerminal(stderr);
            ComparisonResult result;
            try
            {
                result = GroupComparison.Run(frame, parse.GetValue(shared.Formula)!, spec, options, progress);
            }
            finally
            {
                progress?.Clear();
            }
            stdout.Write(parse.GetValue(shared.Json) ? ComparisonJson.Write(result) + "\n" : ComparisonText.Write(result));
            return 0;
        });
        return command;
    }

    private static (List<string> Tests, int Reps) ParseTests(string[]? values)
    {
        var tests = new List<string>();
        int reps = 1000;
        foreach (var item in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = item.Split(':', 2);
            string name = parts[0].ToLowerInvariant();
            if (name == "permutation" && parts.Length == 2 && !(int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out reps) && reps > 0))
                throw new UserInputException($"--test permutation:B needs a positive number of replications, got '{parts[1]}'.");
            tests.Add(name);
        }
        return (tests.Count == 0 ? ["suest"] : tests, reps);
    }

    /// <summary>The columns --by reads: a column name, the column of topNN(x), or an expression's columns.</summary>
    private static IEnumerable<string> ByColumns(string by)
    {
        string text = by.Trim();
        int open = text.IndexOf('(', StringComparison.Ordinal);
        if ((text.StartsWith("top", StringComparison.Ordinal) || text.StartsWith("bottom", StringComparison.Ordinal)) && open > 0 && text.EndsWith(')'))
            return [text[(open + 1)..^1].Trim()];
        try
        {
            return Design.RowFilter.Columns(text);
        }
        catch (Formula.ExpressionException)
        {
            return [text];
        }
    }
}
