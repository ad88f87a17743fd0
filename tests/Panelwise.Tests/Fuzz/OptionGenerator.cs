using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// (e) Option values of fit, describe, index, group, match, mediate, compare, hausman and run: each command with a
/// valid core, then 1-4 of its options with values drawn from valid, boundary and nonsense pools (negative, zero,
/// huge, NaN, empty, unknown names, wrong types), sometimes a repeated or unknown option. Replication counts stay
/// small (≤ 199) so one input costs milliseconds.
/// </summary>
internal static class OptionGenerator
{
    private static readonly string[] Anything = ["", "0", "-1", "1", "2", "NaN", "inf", "1e309", "-0", "abc", "nope", "x1", "id", "year", "region", " ", "1.5", "99999", "2147483648", "资本", "--json"];
    private static readonly string[] Estimation = ["--panel", "--vcov", "--weights", "--fe-tol", "--fe-maxiter", "--threads", "--keep-singletons", "--na", "--sheet", "--json", "--timing"];

    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["--panel"] = ["id,year", "id", "year,id", "id,region", "nope,year", "id,year,x1", ",", "id,x1", "id,id"],
        ["--vcov"] = ["iid", "hc0", "hc1", "robust", "hc2", "hc3", "cluster:id", "cluster:region", "cluster:id+year", "cluster:", "cluster:nope", "dk", "dk:0", "dk:-1", "nw:2", "nw:x", "hc4", "cluster:d", "cluster:y"],
        ["--weights"] = ["w", "pos", "x1", "d", "region", "nope", "y"],
        ["--fe-tol"] = ["1e-8", "0", "-1", "1", "1e-20", "NaN", "1e300"],
        ["--fe-maxiter"] = ["1", "0", "-5", "10000", "2"],
        ["--threads"] = ["0", "1", "2", "-1", "1000"],
        ["--model"] = ["ols", "fe", "lsdv", "re", "be", "fd", "fgls", "pooled", "FE"],
        ["--panels"] = ["iid", "hetero", "correlated", "x"],
        ["--corr"] = ["independent", "ar1", "psar1", "ar2"],
        ["--wildboot"] = ["9", "99", "199:webb", "0", "-1", "10:x", "abc"],
        ["--seed"] = ["1", "0", "-1", "42", "abc", "4294967296"],
        ["--estimator"] = ["2sls", "liml", "gmm2s", "gmm", "ols"],
        ["--endog"] = ["x1", "x2", "z1", "nope", "x1,x1", ""],
        ["--drop-outliers"] = ["3", "0", "-1", "0.1", "1e-9", "NaN"],
        ["--method"] = ["entropy", "critic", "equal", "fixed", "kmeans", "ward", "nearest", "nearest:2", "nearest:0", "radius", "kernel", "pca"],
        ["--name"] = ["index", "x1", "", "new col", "y", "group"],
        ["--aggregation"] = ["weighted_sum", "topsis", "product"],
        ["--normalise"] = ["min_max", "z_score", "ratio_to_max", "rank"],
        ["--shift"] = ["0", "0.0001", "-1", "NaN", "1e300"],
        ["--reference"] = ["pooled", "per_year", "base_year", "x"],
        ["--base-year"] = ["2000", "2003", "1999", "x"],
        ["--id"] = ["id", "year", "region", "nope", "x1"],
        ["--time"] = ["year", "id", "nope", "region"],
        ["--missing"] = ["error", "interpolate", "drop"],
        ["--indicators"] = ["x1:+, x3:-", "x1:+:0.5, x3:-:0.5", "x1, x2, x3", "x1", "x1:*", "nope:+", "x1:+, x1:+", "region:+", ":", "d:+, cnt:-"],
        ["--k"] = ["1", "2", "3", "0", "-1", "50", "x"],
        ["--pca"] = ["auto", "1", "2", "0", "9", "x"],
        ["--labels"] = ["a,b", "a,b,c", "a", ",", "a,a"],
        ["--treat"] = ["d", "x1", "y", "nope", "region", "cnt"],
        ["--covariates"] = ["x1 + x2", "x1", "x1 + x1", "nope", "region", "x1 +", "d", "log(pos)"],
        ["--caliper"] = ["0.05", "0", "-1", "1e-12", "10", "NaN"],
        ["--bandwidth"] = ["0.06", "0", "-1", "1e-9", "100"],
        ["--order"] = ["largest", "smallest", "data", "random", "biggest"],
        ["--outcome"] = ["y", "x1", "d", "nope", "region"],
        ["--bootstrap"] = ["0", "5", "49", "-1", "1"],
        ["--ai"] = ["0", "1", "2", "-1", "100"],
        ["--y"] = ["y", "log(pos)", "nope", "d"], ["--x"] = ["x1", "x2", "y", "nope"], ["--m"] = ["m", "m + x3", "x1", "nope", "y"],
        ["--controls"] = ["x2", "x2 + log(pos)", "x1", "nope", "x2 +"], ["--fe"] = ["id + year", "id", "nope", "id^year", ""],
        ["--by"] = ["region", "d", "top30(x1)", "bottom50(x3)", "top0(x1)", "top100(x1)", "nope", "x1 > 0", "id"],
        ["--test"] = ["suest", "chow", "permutation:19", "permutation:0", "suest,chow", "perm", "permutation:x"],
        ["--out"] = [FuzzInput.DirToken + "/out.csv", FuzzInput.DirToken + "/no/such/dir/out.csv", FuzzInput.DirToken, ""],
        ["--spec"] = [FuzzInput.DirToken + "/spec.yaml", FuzzInput.DirToken + "/none.yaml"],
        ["--na"] = ["?", "", "-999", "1"], ["--sheet"] = ["Sheet1", "x"],
    };

    private static readonly Dictionary<string, (string[] Core, string[] Options)> Commands = new()
    {
        ["fit"] = (["y ~ x1 + x2"], [.. Estimation, "--if", "--model", "--show-fe", "--panels", "--corr", "--wildboot", "--seed", "--estimator", "--first-stage", "--endog", "--drop-outliers"]),
        ["hausman"] = (["y ~ x1 + x2", "--panel", "id,year"], [.. Estimation, "--sigmamore"]),
        ["describe"] = (["y", "x1", "region"], ["--if", "--corr", "--vif", "--json"]),
        ["index"] = ([], ["--spec", "--indicators", "--method", "--name", "--aggregation", "--normalise", "--shift", "--reference", "--base-year", "--id", "--time", "--missing", "--out", "--json"]),
        ["group"] = (["--id", "id", "--indicators", "x1, x2, x3"], ["--method", "--k", "--pca", "--labels", "--name", "--seed", "--out", "--json", "--id", "--indicators"]),
        ["match"] = (["--treat", "d", "--covariates", "x1 + x2"], ["--model", "--method", "--caliper", "--bandwidth", "--replace", "--ties", "--order", "--common", "--outcome", "--bootstrap", "--ai", "--seed", "--out", "--json", "--treat", "--covariates"]),
        ["mediate"] = (["--y", "y", "--x", "x1", "--m", "m"], [.. Estimation, "--controls", "--fe", "--bootstrap", "--seed", "--y", "--x", "--m"]),
        ["compare"] = (["y ~ x1 + x2", "--by", "region"], [.. Estimation, "--by", "--test", "--seed"]),
    };

    private static readonly HashSet<string> Flags = ["--json", "--timing", "--keep-singletons", "--show-fe", "--first-stage", "--sigmamore", "--corr-flag", "--vif", "--replace", "--ties", "--common"];

    public static FuzzInput Create(int seed)
    {
        var rng = new Random(seed);
        var data = FuzzData.Create(rng);
        var files = new Dictionary<string, byte[]> { ["data.csv"] = Encoding.UTF8.GetBytes(data.ToCsv()) };
        var tags = new List<string>();
        if (rng.Chance(0.08)) return RunOptions(rng, seed, files);
        string command = rng.Pick(Commands.Keys.ToArray());
        var (core, options) = Commands[command];
        var args = new List<string> { command, FuzzInput.DirToken + "/data.csv" };
        args.AddRange(core);
        if (command == "index" && rng.Chance(0.8)) args.AddRange(["--indicators", "x1:+, x3:-"]);
        if (command == "index") files["spec.yaml"] = Encoding.UTF8.GetBytes("name: idx\nmethod: entropy\nindicators:\n  - { column: x1, direction: + }\n  - { column: x3, direction: - }\n");
        for (int k = rng.Next(1, 5); k > 0; k--)
        {
            string option = rng.Chance(0.03) ? rng.Pick(["--nope", "-x", "--", "--json=1"]) : rng.Pick(options);
            args.Add(option);
            if (option == "--corr" && command == "describe") continue;
            if (Flags.Contains(option)) continue;
            if (option == "--if") { args.Add(FilterGenerator.Expression(rng, 0)); continue; }
            // Paths always come from their pool, inside the input's own folder: nothing is written elsewhere.
            bool path = option is "--out" or "--spec";
            args.Add((path || rng.Chance(0.8)) && Values.TryGetValue(option, out var pool) ? rng.Pick(pool) : rng.Pick(Anything));
        }
        if (command == "match" && args.Contains("--if")) tags.Add("match-if");
        return new FuzzInput("options", seed, args.ToArray(), files, tags);
    }

    private static FuzzInput RunOptions(Random rng, int seed, Dictionary<string, byte[]> files)
    {
        files["study.yaml"] = Encoding.UTF8.GetBytes("title: t\ndata: { file: data.csv }\ntables:\n  - name: t1\n    title: T\n    columns:\n      - formula: \"y ~ x1\"\n");
        string out_ = rng.Pick([FuzzInput.DirToken + "/out", FuzzInput.DirToken + "/data.csv", FuzzInput.DirToken + "/a/b/c", "", FuzzInput.DirToken + "/" + new string('x', rng.Next(1, 300))]);
        var tags = new List<string>();
        if (out_.Length > 250) tags.Add("long-path");
        string study = rng.Chance(0.85) ? FuzzInput.DirToken + "/study.yaml" : rng.Pick([FuzzInput.DirToken + "/none.yaml", FuzzInput.DirToken, FuzzInput.DirToken + "/data.csv"]);
        return new FuzzInput("options", seed, ["run", study, "--out", out_], files, tags);
    }
}
