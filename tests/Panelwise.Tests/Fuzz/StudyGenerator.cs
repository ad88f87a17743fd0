using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// (d) Study files: a synthetic study over the synthetic panel (descriptive, correlation, regression, match, mediate
/// and compare tables; expression and transform variables) or examples/grunfeld-study over a copy of
/// examples/grunfeld, then line-level mutations: drop, duplicate or retype a key, rename a key, wrong column names,
/// odd values, and broken YAML (unclosed quotes or brackets, a second document, tabs, bad indentation, anchors,
/// truncation). Run with <c>panelwise run STUDY --out DIR</c>.
/// </summary>
internal static class StudyGenerator
{
    private static readonly string[] Retypes = ["[a, b]", "{ a: 1 }", "3", "", "null", "~", "true", "-1", "0.5", "\"\"", "nope", "[]", "{}", "'x1 ~'", "1e309", "资本"];
    private static readonly string[] Renames = ["formla", "tabels", "varibles", "nam", "titel", "panal", "file ", "FORMULA", "vcov2"];
    private static readonly string[] WrongNames = ["nope", "Y", "x9", "id2", "year ", "资本"];

    public static FuzzInput Create(int seed, string grunfeldCsv, string grunfeldStudy)
    {
        var rng = new Random(seed);
        var files = new Dictionary<string, byte[]>();
        var tags = new List<string>();
        string yaml;
        if (rng.Chance(0.25))
        {
            yaml = grunfeldStudy.Replace("../grunfeld/grunfeld.csv", "grunfeld.csv");
            files["grunfeld.csv"] = Encoding.UTF8.GetBytes(grunfeldCsv);
            tags.Add("grunfeld");
        }
        else
        {
            yaml = SyntheticStudy(rng);
            files["data.csv"] = Encoding.UTF8.GetBytes(FuzzData.Create(rng).ToCsv());
        }
        var lines = yaml.Replace("\r\n", "\n").Split('\n').ToList();
        int edits = rng.Chance(0.15) ? 0 : rng.Next(1, 4);
        for (int k = 0; k < edits; k++) Mutate(rng, lines, tags);
        string text = string.Join("\n", lines);
        if (rng.Chance(0.04)) { text = text[..rng.Next(text.Length + 1)]; tags.Add("truncated"); }
        files["study.yaml"] = Encoding.UTF8.GetBytes(text);
        return new FuzzInput("study", seed, ["run", FuzzInput.DirToken + "/study.yaml", "--out", FuzzInput.DirToken + "/out"], files, tags);
    }

    private static void Mutate(Random rng, List<string> lines, List<string> tags)
    {
        int at = rng.Next(lines.Count);
        string line = lines[at];
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        switch (rng.Next(12))
        {
            case 0: lines.RemoveAt(at); tags.Add("drop-line"); break;
            case 1: lines.Insert(at, line); tags.Add("duplicate-line"); break;
            case 2 when colon > 0: lines[at] = line[..(colon + 2)] + rng.Pick(Retypes); tags.Add("retype"); break;
            case 3 when colon > 0:
                string indent = line[..(line.Length - line.TrimStart(' ', '-').Length)];
                lines[at] = indent + rng.Pick(Renames) + line[colon..]; tags.Add("rename-key"); break;
            case 4 or 5:
                string name = rng.Pick(FuzzData.Columns.Concat(["ln_inv", "ln_value", "firm", "inv", "capital"]).ToArray());
                if (line.Contains(name)) { lines[at] = line.Replace(name, rng.Pick(WrongNames)); tags.Add("wrong-name"); }
                break;
            case 6 when colon > 0:
                lines[at] = line[..(colon + 2)] + rng.Pick(["cluster:nope", "hc9", "\"year >>\"", "[bogus]", "2", "150", "-3", "0", "\"y ~\"", "\"l(x1, -1)\"", "[y, y]", "1000000"]);
                tags.Add("odd-value"); break;
            case 7:
                var (broken, tag) = rng.Pick(new (string, string)[]
                {
                    ("  levels: [a, b", "yaml-flow"), ("    - { formula: \"y ~ x1\", title: x", "yaml-flow"), ("---", "yaml-second-doc"),
                    ("\tkey: value", "yaml-tab"), ("title: \"unclosed", "yaml-syntax"), ("  : :", "yaml-syntax"), ("x: &a [1]\ny: *b", "yaml-syntax"),
                    ("!!binary zz", "yaml-syntax"), ("- - -", "yaml-syntax"), ("key: 'it''s", "yaml-syntax"), ("%YAML 9.9", "yaml-syntax"),
                });
                lines.Insert(at, broken); tags.Add(tag); break;
            case 8: lines[at] = (rng.Chance(0.5) ? " " : "") + line.TrimStart(); tags.Add("indent"); break;
            case 9 when line.Contains('\t') is false && line.StartsWith(' '): lines[at] = "\t" + line.TrimStart(); tags.Add("yaml-tab"); break;
            case 10: lines.Insert(at, rng.Pick(["tables: []", "data: { file: missing.csv }", "panel: { id: nope, time: year }", "variables: { y: x1 }", "indices: [{ spec: none.yaml }]", "plots: { trend: [nope] }", "synthetic: [x1]"])); tags.Add("insert-key"); break;
            default: lines[at] = line + rng.Pick([" #", " ]", " }", "'", ",", " x"]); tags.Add("suffix"); break;
        }
    }

    private static string SyntheticStudy(Random rng)
    {
        string vcov = rng.Pick(["cluster:id", "hc1", "iid", "cluster:id+year"]);
        var tables = new List<string>
        {
            "  - name: descriptive\n    title: Descriptive\n    descriptive:\n      variables: [y, x1, x2, lpos]\n      statistics: [n, mean, sd, min, max]",
            "  - name: correlation\n    title: Correlations\n    correlation:\n      variables: [y, x1, x2]",
            $"  - name: baseline\n    title: Baseline\n    controls: [x2]\n    columns:\n      - formula: \"y ~ x1 + csw0(x2, x3) | id\"\n        vcov: {vcov}\n      - formula: \"y ~ x1 + x2 | id + year\"\n        vcov: {vcov}\n        if: \"year >= 2001\"\n        title: Two-way",
        };
        if (rng.Chance(0.3)) tables.Add("  - name: iv\n    title: IV\n    columns:\n      - formula: \"y ~ x2 | id | x1 ~ z1 + z2\"\n        vcov: cluster:id");
        if (rng.Chance(0.25)) tables.Add("  - name: mechanism\n    title: Mechanism\n    mediate:\n      y: y\n      x: x1\n      m: [m]\n      controls: \"x2\"\n      fe: \"id + year\"\n      vcov: cluster:id");
        if (rng.Chance(0.25)) tables.Add("  - name: hetero\n    title: Heterogeneity\n    compare:\n      formula: \"y ~ x1 + x2 | year\"\n      vcov: hc1\n      by: region\n      test: suest");
        if (rng.Chance(0.2)) tables.Add("  - name: psm\n    title: PSM\n    columns:\n      - formula: \"y ~ x1 + x2 | id\"\n        match: { treatment: d, covariates: [x2, x3], caliper: 0.2, ratio: 1, seed: 1 }");
        return "title: Synthetic fuzz study\ndata:\n  file: data.csv\npanel: { id: id, time: year }\nvariables:\n  lpos: log(pos)\n  x12: x1 * x2\n"
            + "  top: { group: x3, top: 30, by: year }\n  ww: { winsor: x2, p: 0.05 }\nlabels:\n  y: Outcome\n  x1: 解释变量\ntables:\n" + string.Join("\n", tables)
            + (rng.Chance(0.3) ? "\nplots:\n  trend: [y, x1]\n" : "\n");
    }
}
