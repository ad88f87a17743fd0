using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// (a) Formulas: fixest syntax from a grammar (transformations, interactions, i(), lags, csw/sw, winsor/trim, fixed
/// effects, IV parts), then with some probability a character- or token-level mutation (deletion, duplication,
/// unbalanced parenthesis, unknown function or variable, stray operator). Nesting depth stays at most 40 here
/// (moderate; the unbounded-recursion class is owned by branch parse).
/// </summary>
internal static class FormulaGenerator
{
    private static readonly string[] Functions = ["log", "exp", "sqrt", "abs", "I", "l", "f", "d", "i", "winsor", "trim", "csw", "csw0", "sw", "sw0", "foo", "log10", "poly"];
    private static readonly string[] Noise = ["(", ")", "~", "|", "+", "-", "*", ":", "^", ",", "=", "\"", "'", "0", "1", " ", "..", "1e999", "NaN", "Inf", "%", "#", "\n", "\t", "\u00a0", "é", "资本"];
    private static readonly string[] VcovChoices = ["iid", "hc1", "hc3", "cluster:id", "cluster:region", "cluster:id+year", "dk", "nw:1"];

    public static FuzzInput Create(int seed)
    {
        var rng = new Random(seed);
        var data = FuzzData.Create(rng);
        var tags = new List<string>();
        string formula = Formula(rng, tags);
        if (rng.Chance(0.25)) formula = Mutate(rng, formula, tags);
        var args = new List<string> { "fit", FuzzInput.DirToken + "/data.csv", formula };
        if (rng.Chance(0.6)) args.AddRange(["--panel", "id,year"]);
        if (rng.Chance(0.4)) args.AddRange(["--vcov", rng.Pick(VcovChoices)]);
        if (rng.Chance(0.15)) args.AddRange(["--model", rng.Pick(["fe", "re", "be", "fd", "lsdv"])]);
        if (rng.Chance(0.1)) args.AddRange(["--estimator", rng.Pick(["liml", "gmm2s"])]);
        if (rng.Chance(0.1)) args.Add("--first-stage");
        if (rng.Chance(0.5)) args.Add("--json");
        return new FuzzInput("formula", seed, args.ToArray(), new Dictionary<string, byte[]> { ["data.csv"] = Encoding.UTF8.GetBytes(data.ToCsv()) }, tags);
    }

    public static string Formula(Random rng, List<string> tags)
    {
        string lhs = rng.Chance(0.9) ? "y" : Term(rng, 0, tags);
        var rhs = Terms(rng, tags, rng.Next(1, 5));
        if (rng.Chance(0.08)) { rhs.Add(lhs); tags.Add("response-in-rhs"); }
        if (rng.Chance(0.1)) rhs.Insert(0, rng.Pick(["0", "1", "-1"]));
        string formula = lhs + " ~ " + string.Join(rng.Chance(0.9) ? " + " : " - ", rhs);
        bool fe = rng.Chance(0.35), iv = rng.Chance(0.2);
        if (fe) formula += " | " + string.Join(" + ", Enumerable.Range(0, rng.Next(1, 3)).Select(_ => rng.Pick(["id", "year", "region", "id^year", "id^region", "x1", "nope"])));
        if (iv)
        {
            string endo = rng.Pick(["x1", "x2", "m", "x1 + x2"]);
            string inst = rng.Pick(["z1", "z2", "z1 + z2", "z1 + z2 + x3", "x1", "z1 + z1", "log(pos)"]);
            if (inst == "x1" && endo.Contains("x1")) tags.Add("identical-instrument");
            formula += " | " + endo + " ~ " + inst;
        }
        return formula;
    }

    private static List<string> Terms(Random rng, List<string> tags, int count) =>
        Enumerable.Range(0, count).Select(_ => Term(rng, 0, tags)).ToList();

    public static string Term(Random rng, int depth, List<string> tags)
    {
        if (depth > 40 || rng.Chance(0.6 + depth * 0.05)) return Variable(rng);
        string f = rng.Chance(0.95) ? rng.Pick(Functions[..15]) : rng.Pick(Functions);
        string inner = Term(rng, depth + 1, tags);
        return f switch
        {
            "I" => $"I({Arithmetic(rng, depth + 1)})",
            "l" or "f" => rng.Chance(0.7) ? $"{f}({inner}, {rng.Next(-2, 4)})" : $"{f}({inner})",
            "i" => rng.Pick(new[] { $"i({Variable(rng)})", $"i(region, ref = \"{rng.Pick(["east", "west", "zzz", ""])}\")", $"i(region, {Variable(rng)})", $"i({inner}, {Variable(rng)})" }),
            "winsor" or "trim" => rng.Chance(0.7) ? $"{f}({inner}, {rng.Pick(["0.01", "0.1", "0.5", "0", "1", "-0.1", "0.6"])})" : $"{f}({inner}, 0.05, by = {Variable(rng)})",
            "csw" or "csw0" or "sw" or "sw0" => $"{f}({string.Join(", ", Terms(rng, tags, rng.Next(1, 4)))})",
            "poly" => $"poly({inner}, {rng.Next(0, 4)})",
            _ => $"{f}({inner})",
        } + (rng.Chance(0.1) ? ":" + Variable(rng) : "");
    }

    public static string Arithmetic(Random rng, int depth)
    {
        if (depth > 40 || rng.Chance(0.4 + depth * 0.05)) return rng.Chance(0.75) ? Variable(rng) : rng.Pick(["0", "1", "2", "0.5", "1e308", "1e-300", "-3"]);
        string op = rng.Pick(["+", "-", "*", "/", "^"]);
        string expression = Arithmetic(rng, depth + 1) + " " + op + " " + Arithmetic(rng, depth + 1);
        return rng.Chance(0.5) ? "(" + expression + ")" : expression;
    }

    public static string Variable(Random rng) => rng.Chance(0.93) ? rng.Pick(FuzzData.Columns) : rng.Pick(["nope", "Y", "x 1", "x1.", "_x", "1x", "year2"]);

    /// <summary>One character- or token-level edit: delete, duplicate or insert a noise token.</summary>
    public static string Mutate(Random rng, string text, List<string> tags)
    {
        int edits = rng.Next(1, 4);
        var builder = new StringBuilder(text);
        for (int k = 0; k < edits; k++)
        {
            int at = builder.Length == 0 ? 0 : rng.Next(builder.Length + 1);
            switch (rng.Next(3))
            {
                case 0 when builder.Length > 0: builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(rng.Next(1, 4), builder.Length - Math.Min(at, builder.Length - 1))); break;
                case 1: builder.Insert(at, rng.Pick(Noise)); break;
                default: builder.Insert(at, builder.ToString(at, Math.Min(rng.Next(1, 6), builder.Length - at))); break;
            }
        }
        tags.Add("mutated");
        return builder.ToString();
    }
}
