using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>A study's <c>multiverse:</c> block gives exactly what <c>panelwise multiverse</c> gives for the same
/// dimensions (results.json's block equals <c>--json</c>, NAME-specs.csv equals <c>--out</c>), even with choices
/// written as labels; its summary table, in English and Chinese, states what the specifications (recomputed here from
/// the CSV) say; and the run's checks give the baseline's rank and percentile, recomputed by sorting.</summary>
public class StudyMultiverseTests
{
    private static readonly string Data = RepositoryPath.Of("examples", "innovation-chain", "innovation_chain.csv");

    /// <summary>The CLI's dimensions (MultiverseCliTests), the study writing erl, lngdp and imp as their labels.</summary>
    private static readonly string[] CliArgs =
    [
        "multiverse", Data, "--y", "itse; fsie", "--x", "erl; winsor(erl, 0.01); l(erl, 1)", "--controls", "none; lngdp + imp",
        "--fe", "none; industry_id + year", "--vcov", "cluster:industry_id; hc1", "--if", "all; year <= 2021",
        "--panel", "industry_id,year", "--exclude", "x = l(erl, 1) & fe = none",
        "--baseline", "controls = lngdp + imp & fe = industry_id + year", "--joint", "20", "--seed", "7",
    ];

    private static string StudyYaml(string language) => $$"""
        data: { file: innovation_chain.csv }
        panel: { id: industry_id, time: year }
        language: {{language}}
        labels: { erl: 创新链布局重构效能, lngdp: 经济规模, imp: 进口依存度, industry_id: 行业 }
        tables:
          - name: curve
            title: Specification curve
            multiverse:
              y: "itse; fsie"
              x: [创新链布局重构效能, "winsor(erl, 0.01)", "l(erl, 1)"]
              controls: [none, 经济规模 + 进口依存度]
              fe: [none, "industry_id + year"]
              vcov: [cluster:industry_id, hc1]
              sample: [all, "year <= 2021"]
              exclude: ["x = l(erl, 1) & fe = none"]
              baseline: "controls = 经济规模 + 进口依存度 & fe = industry_id + year"
              joint: 20
              seed: 7
        """;

    private static string Run(string language)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(Data, Path.Combine(dir, "innovation_chain.csv"));
        string study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, StudyYaml(language));
        string output = Path.Combine(dir, "out");
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output);
        return output;
    }

    [Fact]
    public void Results_json_block_and_specs_csv_equal_the_cli()
    {
        string output = Run("en");
        string dir = Path.GetDirectoryName(output)!;
        string csv = Path.Combine(dir, "cli.csv");
        var (exit, stdout, stderr) = CliRunner.Run([.. CliArgs, "--json", "--out", csv]);
        Assert.True(exit == 0, stderr);
        var cli = JsonNode.Parse(stdout)!;
        var study = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!["tables"]![0]!;
        Assert.Equal("curve", (string?)study["name"]);
        Assert.True(JsonNode.DeepEquals(cli, study["multiverse"]), "results.json's multiverse block differs from multiverse --json");
        Assert.Equal(20, (int)cli["joint_test"]!["draws"]!);
        Assert.Equal(File.ReadAllText(csv), File.ReadAllText(Path.Combine(output, "curve-specs.csv")));
        foreach (string file in (string[])["curve.md", "curve.xlsx", "curve-specs.xlsx", "plots/curve-curve.png", "plots/curve-curve.svg"])
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        // The seed is in the reproducibility stamp.
        Assert.Contains("seeds: 7;", File.ReadAllText(Path.Combine(output, "curve.md")));
    }

    /// <summary>An <c>iv:</c> dimension (instrument sets of the focal term, labels allowed) gives the CLI's <c>--iv</c>
    /// specifications: results.json's block equals <c>multiverse --json</c>, 2SLS specs included.</summary>
    [Fact]
    public void Iv_dimension_equals_the_cli()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(Data, Path.Combine(dir, "innovation_chain.csv"));
        string study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, """
            data: { file: innovation_chain.csv }
            panel: { id: industry_id, time: year }
            labels: { tra: 基础设施建设, lngdp: 经济规模 }
            tables:
              - name: ivcurve
                multiverse:
                  y: erl
                  x: 基础设施建设
                  iv: [none, "l(tra, 1)", "l(tra, 1) + l(tra, 2)"]
                  controls: [none, 经济规模]
                  fe: "industry_id + year"
                  vcov: cluster:industry_id
                  exclude: ["iv = l(tra, 1) + l(tra, 2) & controls = none"]
            """);
        string output = Path.Combine(dir, "out");
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output);
        var (exit, stdout, stderr) = CliRunner.Run(["multiverse", Data, "--y", "erl", "--x", "tra", "--iv", "none; l(tra, 1); l(tra, 1) + l(tra, 2)",
            "--controls", "none; lngdp", "--fe", "industry_id + year", "--vcov", "cluster:industry_id", "--panel", "industry_id,year",
            "--exclude", "iv = l(tra, 1) + l(tra, 2) & controls = none", "--json"]);
        Assert.True(exit == 0, stderr);
        var cli = JsonNode.Parse(stdout)!;
        Assert.Equal(5, cli["specs"]!.AsArray().Count);
        Assert.Contains(cli["specs"]!.AsArray(), s => (string?)s!["iv"] == "l(tra, 1)");
        var block = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!["tables"]![0]!["multiverse"];
        Assert.True(JsonNode.DeepEquals(cli, block), "results.json's multiverse block differs from multiverse --iv --json");
    }

    [Theory]
    [InlineData("en", "Specifications", "Median estimate", "Share significant (p < 0.05)", "Baseline rank (1 = smallest)", "{0} of {1}", "Joint test: bootstrap draws used")]
    [InlineData("zh", "设定数", "系数中位数", "5%水平显著的比例", "基准设定排序（1为最小）", "{0}/{1}", "联合检验：有效Bootstrap次数")]
    public void Summary_table_states_the_curve_in_the_study_language(string language, string count, string median, string significant,
        string rank, string outOf, string draws)
    {
        string output = Run(language);
        var specs = Specs(Path.Combine(output, "curve-specs.csv"));
        var rows = MarkdownRows(Path.Combine(output, "curve.md"));
        int n = specs.Count;
        var sorted = specs.Select(s => s.Estimate).Order().ToArray();
        double expectedMedian = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Assert.Equal(n.ToString(CultureInfo.InvariantCulture), rows[count]);
        Assert.Equal(expectedMedian.ToString("F3", CultureInfo.InvariantCulture), rows[median]);
        Assert.Equal(((double)specs.Count(s => s.P < 0.05) / n).ToString("F3", CultureInfo.InvariantCulture), rows[significant]);
        var (baselineRank, _) = Baseline(specs);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, outOf, baselineRank, n), rows[rank]);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, outOf, 20, 20), rows[draws]);
        string text = File.ReadAllText(Path.Combine(output, "curve.md"));
        // The focal terms by their labels, the transformed ones with what was done to them.
        Assert.Contains(language == "zh" ? "创新链布局重构效能（1%缩尾）" : "创新链布局重构效能 (winsorized at 1%)", text);
        Assert.Contains(language == "zh" ? "对行业（整群）有放回抽样20次（种子7）" : "clusters of 行业 resampled 20 times (seed 7)", text);
    }

    [Fact]
    public void Checks_give_the_baseline_rank_percentile_and_share_significant()
    {
        string output = Run("en");
        var specs = Specs(Path.Combine(output, "curve-specs.csv"));
        var (rank, number) = Baseline(specs);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        var check = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("table").GetString() == "curve");
        Assert.Equal(0, check.GetProperty("column").GetInt32());
        string message = check.GetProperty("message").GetString()!;
        int n = specs.Count;
        double percentile = 100.0 * (rank - 1) / (n - 1);
        string kind = percentile <= 10 || percentile >= 90 ? "baseline_extreme" : "specification_curve";
        Assert.Equal(kind, check.GetProperty("kind").GetString());
        Assert.Contains($"The baseline (specification {number}: itse ~ erl + lngdp + imp | industry_id + year, vcov cluster:industry_id) ranks {rank} of {n}", message);
        Assert.Contains($"percentile {percentile.ToString("0.#", CultureInfo.InvariantCulture)} (0 = smallest, 100 = largest)", message);
        Assert.StartsWith($"{n} specifications (", message);
        Assert.Contains($"{(100.0 * specs.Count(s => s.P < 0.05) / n).ToString("0.#", CultureInfo.InvariantCulture)}% significant at 5%", message);
        Assert.Contains("- **curve**: " + message, File.ReadAllText(Path.Combine(output, "checks.md")));
    }

    private sealed record Spec(int Number, string Y, string X, string Controls, string Fe, string Vcov, string Sample, double Estimate, double P);

    /// <summary>The specifications of a CSV written by MultiverseCsv.</summary>
    private static List<Spec> Specs(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(Fields).Select(f => new Spec(int.Parse(f[0], CultureInfo.InvariantCulture),
            f[1], f[2], f[3], f[4], f[5], f[6], double.Parse(f[8], CultureInfo.InvariantCulture), double.Parse(f[10], CultureInfo.InvariantCulture)))];

    /// <summary>The baseline (itse, erl, controls lngdp + imp, fe industry_id + year, first covariance and sample) and
    /// its rank among the estimates sorted ascending, ties by number.</summary>
    private static (int Rank, int Number) Baseline(List<Spec> specs)
    {
        var baseline = specs.Single(s => s is { Y: "itse", X: "erl", Controls: "lngdp + imp", Fe: "industry_id + year", Vcov: "cluster:industry_id", Sample: "all" });
        int rank = specs.OrderBy(s => s.Estimate).ThenBy(s => s.Number).ToList().IndexOf(baseline) + 1;
        return (rank, baseline.Number);
    }

    /// <summary>The fields of one CSV line, double quotes as RFC 4180 writes them.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>Row label -> value of a one-column Markdown table (escapes undone).</summary>
    private static Dictionary<string, string> MarkdownRows(string path) =>
        File.ReadLines(path).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Count(c => c == '|') == 3)
            .Select(l => l.Split('|')).ToDictionary(p => p[1].Trim().Replace("\\", ""), p => p[2].Trim().Replace("\\", ""));
}
