using System.Text.Json.Nodes;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>The <c>classify_units</c> variable (issue 17 item 8): <c>panelwise group</c> as a study step. Its
/// results.json block equals the command's --json on the same inputs, its factor, membership and agreement tables are
/// written like every table and in the study's language, and its column groups a heterogeneity table downstream.
/// Data: Produc (48 states x 17 years), whose region is a given classification of the states.</summary>
public class StudyClassifyUnitsTests
{
    private const string Indicators = "pcap, hwy, water, emp, unemp";

    private static string Folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(ReferencePath.Of("oracle", "data", "produc.csv"), Path.Combine(dir, "produc.csv"));
        return dir;
    }

    private static string Study(string language) => $$"""
        data: { file: produc.csv }
        panel: { id: state, time: year }
        language: {{language}}
        variables:
          cls:
            classify_units: [{{Indicators}}]
            id: state
            pca: auto
            k: 3
            labels: [low, mid, high]
            seed: 1
            compare_with: region
        tables:
          - name: het
            compare: { formula: "log_gsp ~ log_pcap + log_emp | state + year", by: cls, levels: [low, mid, high] }
        """;

    private static readonly Lazy<(string Dir, JsonNode Results)> English = new(() => Run(Study("en")));

    private static (string Dir, JsonNode Results) Run(string yaml)
    {
        string dir = Folder();
        string study = StudyTestData.Study(dir, yaml);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), Path.Combine(dir, "out"));
        return (Path.Combine(dir, "out"), JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json")))!);
    }

    private static JsonNode Block(JsonNode results) =>
        results["data_handling"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "classify_units")!;

    private static JsonNode Command()
    {
        var run = CliRunner.Run("group", Path.Combine(Folder(), "produc.csv"), "--indicators", Indicators, "--id", "state",
            "--pca", "auto", "--k", "3", "--labels", "low,mid,high", "--seed", "1", "--name", "cls", "--json");
        Assert.True(run.Exit == 0, run.Err);
        return JsonNode.Parse(run.Out)!;
    }

    [Fact]
    public void Results_block_equals_the_group_command_json()
    {
        var block = Block(English.Value.Results).AsObject();
        var command = Command().AsObject();
        foreach (var (key, value) in command)
            Assert.True(JsonNode.DeepEquals(value, block[key]), $"{key}: command {value}\n--- study {block[key]}");
        Assert.Equal(["kind", "text", "variable", "unit", .. command.Select(p => p.Key), "agreement"], block.Select(p => p.Key));
        Assert.Equal(["pca", "groups", "column", "notes"], command.Select(p => p.Key));
        Assert.Equal("state", block["unit"]!.GetValue<string>());
        Assert.Equal(48, command["groups"]!.AsArray().Sum(g => g!["size"]!.GetValue<int>()));
    }

    [Fact]
    public void Factor_membership_and_agreement_tables_are_written_in_every_format()
    {
        string dir = English.Value.Dir;
        foreach (var table in new[] { "cls_factors", "cls_groups", "cls_vs_region" })
            foreach (var ext in new[] { ".md", ".tex", ".html", ".docx", ".xlsx" })
                Assert.True(File.Exists(Path.Combine(dir, table + ext)), table + ext);
        var command = Command();
        var pca = command["pca"]!;
        string factors = File.ReadAllText(Path.Combine(dir, "cls_factors.md"));
        int kept = pca["components"]!.GetValue<int>();
        Assert.Contains($"| Indicator | {string.Join(" | ", Enumerable.Range(1, kept).Select(k => $"PC{k}"))} | MSA |", factors);
        string F4(JsonNode? n) => n!.GetValue<double>().ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
        var pcap = pca["loadings"]![0]!;
        Assert.Contains($"| pcap | {string.Join(" | ", pcap["loadings"]!.AsArray().Select(F4))} | {F4(pcap["msa"])} |", factors);
        Assert.Contains($"| Eigenvalue | {string.Join(" | ", pca["eigenvalues"]!.AsArray().Take(kept).Select(F4))} |  |", factors);
        Assert.Contains($"KMO = {F4(pca["kmo"])}; Bartlett's test of sphericity: χ²({pca["bartlett"]!["df"]}) = {F4(pca["bartlett"]!["chi2"])}", factors);
        // Markdown escapes '>'.
        Assert.Contains($"{kept} of 5 components retained (eigenvalue \\> 1); eigenvalues of all components: {string.Join(", ", pca["eigenvalues"]!.AsArray().Select(F4))}.", factors);

        string groups = File.ReadAllText(Path.Combine(dir, "cls_groups.md"));
        foreach (var g in command["groups"]!.AsArray())
            foreach (var unit in g!["units"]!.AsArray())
                Assert.Contains($"| {unit!.GetValue<string>().Replace("_", "\\_")} | {g["group"]} | {g["label"]} |", groups); // Markdown escapes _
        Assert.Contains("an indicator that varies within a unit enters by its unit mean", groups);
        Assert.Contains("k-means (Lloyd, 100 k-means++ starts, seed 1)", groups);

        // Each state's region against its group: the counts add up to the group sizes.
        var agreement = Block(English.Value.Results)["agreement"]![0]!;
        Assert.Equal("region", agreement["given"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 9).Select(r => r.ToString()), agreement["given_levels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var counts = agreement["counts"]!.AsArray();
        for (int g = 0; g < 3; g++)
            Assert.Equal(command["groups"]![g]!["size"]!.GetValue<int>(), counts[g]!.AsArray().Sum(c => c!.GetValue<int>()));
        string vs = File.ReadAllText(Path.Combine(dir, "cls_vs_region.md"));
        Assert.Contains($"| 1 low | {string.Join(" | ", counts[0]!.AsArray())} | {command["groups"]![0]!["size"]} |", vs);
        Assert.Contains($"Agreement up to a relabelling: {agreement["agreeing"]} of 48 units", vs);
        Assert.Equal("cls", English.Value.Results["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "cls_groups")!["classification"]!.GetValue<string>());
    }

    [Fact]
    public void The_derived_column_groups_a_heterogeneity_table_downstream()
    {
        var command = Command();
        var het = English.Value.Results["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "het")!;
        var columns = het["columns"]!.AsArray();
        Assert.Equal(["low", "mid", "high"], columns.Select(c => c!["title"]!.GetValue<string>()));
        // Each group's regression uses the 17 years of exactly the states the command put in that group.
        for (int g = 0; g < 3; g++)
            Assert.Equal(17 * command["groups"]![g]!["size"]!.GetValue<int>(), columns[g]!["result"]!["nobs"]!.GetValue<int>());
        Assert.Equal("cls", het["comparison"]!["by"]!.GetValue<string>());
    }

    [Fact]
    public void Language_zh_writes_the_tables_in_chinese()
    {
        var (dir, _) = Run(Study("zh").Replace("[low, mid, high]", "[低, 中, 高]"));
        string factors = File.ReadAllText(Path.Combine(dir, "cls_factors.md"));
        Assert.Contains("| 指标 | 主成分1 |", factors);
        Assert.Contains("| 特征值 |", factors);
        Assert.Contains("| 累计方差贡献率 |", factors);
        Assert.Contains("KMO值为", factors);
        Assert.Contains("Bartlett球形检验", factors);
        string groups = File.ReadAllText(Path.Combine(dir, "cls_groups.md"));
        Assert.Contains("| state | 组别 | 类别 |", groups);
        Assert.Contains("k均值聚类", groups);
        Assert.Contains("| 合计 |", File.ReadAllText(Path.Combine(dir, "cls_vs_region.md")));
        Assert.Contains("调整兰德指数", File.ReadAllText(Path.Combine(dir, "cls_vs_region.md")));
    }

    /// <summary>An indicator that varies within a unit enters by its unit mean, as the command does: the same study on
    /// data whose indicators are replaced by each state's means gives the same groups and loadings.</summary>
    [Fact]
    public void Indicators_varying_within_a_unit_enter_by_their_unit_means()
    {
        string dir = Folder();
        var lines = File.ReadAllLines(Path.Combine(dir, "produc.csv"));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        int state = header.IndexOf("state");
        var means = new[] { "pcap", "hwy", "water", "emp", "unemp" }.ToDictionary(c => header.IndexOf(c), c => rows
            .GroupBy(r => r[state]).ToDictionary(g => g.Key, g => g.Average(r => double.Parse(r[header.IndexOf(c)], System.Globalization.CultureInfo.InvariantCulture))));
        var averaged = rows.Select(r => string.Join(",", r.Select((v, j) => means.TryGetValue(j, out var m) ? m[r[state]].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v)));
        File.WriteAllLines(Path.Combine(dir, "means.csv"), [lines[0], .. averaged]);
        string yaml = Study("en").Replace("produc.csv", "means.csv");
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(StudyTestData.Study(dir, yaml))), Path.Combine(dir, "out"));
        var fromMeans = Block(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json")))!);
        var fromRows = Block(English.Value.Results);
        Assert.True(JsonNode.DeepEquals(fromRows["groups"], fromMeans["groups"]));
        var (a, b) = (fromRows["pca"]!["loadings"]!.AsArray(), fromMeans["pca"]!["loadings"]!.AsArray());
        for (int j = 0; j < a.Count; j++)
            for (int k = 0; k < a[j]!["loadings"]!.AsArray().Count; k++)
                Assert.Equal(a[j]!["loadings"]![k]!.GetValue<double>(), b[j]!["loadings"]![k]!.GetValue<double>(), 1e-9);
    }
}
