using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// (b) <c>--if</c> expressions: comparisons, &amp;, |, !, arithmetic, text in quotes, missing(), functions and lags,
/// mutated as formulas are; applied to fit, describe, group, match, index or mediate on the synthetic panel. Nesting
/// stays at most 40 deep (the unbounded-recursion class is owned by branch parse).
/// </summary>
internal static class FilterGenerator
{
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">=", "==", ">=", "<", "=", "<>"];
    private static readonly string[] Literals = ["2003", "2000", "2002", "0", "1", "-1", "0.5", "2", "'east'", "\"west\"", "'north'", "'资本'", "''", "2e3", "1e308", "1e309", "NA", ".", "'x"];
    private static readonly string[] Functions = ["log", "exp", "sqrt", "abs", "missing", "l", "f", "d", "log", "abs", "missing", "sqrt", "winsor", "foo"];

    public static FuzzInput Create(int seed)
    {
        var rng = new Random(seed);
        var data = FuzzData.Create(rng);
        var tags = new List<string>();
        string filter = Expression(rng, 0);
        if (rng.Chance(0.15)) filter = FormulaGenerator.Mutate(rng, filter, tags);
        string file = FuzzInput.DirToken + "/data.csv";
        string[] args = rng.Next(8) switch
        {
            0 or 1 or 2 => ["fit", file, rng.Pick(["y ~ x1 + x2", "y ~ x1 | id", "y ~ x1 + l(x2, 1)", "y ~ x2 | x1 ~ z1"]), "--panel", "id,year", "--if", filter],
            3 => ["describe", file, "y", "x1", "region", "--if", filter],
            4 => ["group", file, "--id", "id", "--indicators", "x1, x2, x3", "--k", "2", "--if", filter],
            5 => ["match", file, "--treat", "d", "--covariates", "x1 + x2", "--outcome", "y", "--if", filter],
            6 => ["index", file, "--indicators", "x1:+, x3:-", "--if", filter, "--json"],
            _ => ["mediate", file, "--y", "y", "--x", "x1", "--m", "m", "--if", filter, "--json"],
        };
        if (args[0] == "match") tags.Add("match-if");
        return new FuzzInput("filter", seed, args, new Dictionary<string, byte[]> { ["data.csv"] = Encoding.UTF8.GetBytes(data.ToCsv()) }, tags);
    }

    public static string Expression(Random rng, int depth)
    {
        if (depth > 40 || rng.Chance(0.3 + depth * 0.08)) return Comparison(rng, depth);
        return rng.Next(5) switch
        {
            0 => Expression(rng, depth + 1) + " & " + Expression(rng, depth + 1),
            1 => Expression(rng, depth + 1) + " | " + Expression(rng, depth + 1),
            2 => "!" + (rng.Chance(0.5) ? "(" + Expression(rng, depth + 1) + ")" : Comparison(rng, depth)),
            3 => "(" + Expression(rng, depth + 1) + ")",
            _ => Comparison(rng, depth),
        };
    }

    private static string Comparison(Random rng, int depth)
    {
        if (rng.Chance(0.1)) return Value(rng, depth + 1);
        return Value(rng, depth + 1) + " " + rng.Pick(Comparisons) + " " + (rng.Chance(0.6) ? (rng.Chance(0.85) ? rng.Pick(Literals[..14]) : rng.Pick(Literals)) : Value(rng, depth + 1));
    }

    private static string Value(Random rng, int depth)
    {
        if (depth > 40 || rng.Chance(0.5 + depth * 0.05)) return rng.Chance(0.8) ? FormulaGenerator.Variable(rng) : rng.Pick(Literals);
        return rng.Next(4) switch
        {
            0 => FormulaGenerator.Arithmetic(rng, depth + 1),
            1 => $"{rng.Pick(Functions)}({Value(rng, depth + 1)})",
            2 => $"-{Value(rng, depth + 1)}",
            _ => $"{rng.Pick(["l", "f"])}({FormulaGenerator.Variable(rng)}, {rng.Next(-1, 3)})",
        };
    }
}
