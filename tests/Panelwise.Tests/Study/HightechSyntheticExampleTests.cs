using System.Globalization;
using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/hightech-resilience/synthetic.yaml (seed 003 on generated data) runs end to end: DuckDB classifies
/// the 428,401 firms of the registry by keywords and counts the AI firms of each province-year exactly as the generator
/// made them, the resilience index equals the generator's, and the estimates recover the true values the generator
/// wrote to synthetic/truth.json (SYNTHETIC.md explains them).</summary>
public class HightechSyntheticExampleTests
{
    private static readonly Lazy<(string Dir, JsonDocument Results)> Run = new(() =>
    {
        string study = RepositoryPath.Of("examples", "hightech-resilience", "synthetic.yaml");
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var run = CliRunner.Run("run", study, "--out", dir);
        Assert.True(run.Exit == 0, run.Err);
        return (dir, JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json"))));
    });

    private static readonly Lazy<JsonElement> Truth = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPath.Of("examples", "hightech-resilience", "synthetic", "truth.json"))).RootElement);

    private static double TrueValue(string outcome, string column) => Truth.Value.GetProperty("true_values").GetProperty(outcome).GetProperty(column).GetDouble();

    private static JsonElement Table(string name) =>
        Run.Value.Results.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static List<JsonElement> Columns(string table) => [.. Table(table).GetProperty("columns").EnumerateArray()];

    private static (double Estimate, double Low, double High) LnAi(JsonElement column)
    {
        var row = column.GetProperty("result").GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "ln_ai");
        return (row.GetProperty("estimate").GetDouble(), row.GetProperty("conf_low").GetDouble(), row.GetProperty("conf_high").GetDouble());
    }

    private static void Covers(double truth, JsonElement column, string what)
    {
        var (_, low, high) = LnAi(column);
        Assert.True(low <= truth && truth <= high, $"{what}: 95% CI [{low}, {high}] misses the true {truth}");
    }

    /// <summary>The study's data.csv (every row, with the variables and indices added) keyed by province and year.</summary>
    private static Dictionary<(string, int), Dictionary<string, string>> Data()
    {
        var lines = File.ReadAllLines(Path.Combine(Run.Value.Dir, "data.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToDictionary(r => (r["province"], int.Parse(r["year"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Sql_classification_counts_the_generators_ai_firms()
    {
        var data = Data();
        var rows = Truth.Value.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(420, rows.Count);
        Assert.Equal(420, data.Count);
        foreach (var row in rows)
        {
            var key = (row.GetProperty("province").GetString()!, row.GetProperty("year").GetInt32());
            Assert.Equal(row.GetProperty("ai_firms").GetInt32(), int.Parse(data[key]["ai_firms"], CultureInfo.InvariantCulture));
        }
        int total2023 = data.Where(d => d.Key.Item2 == 2023).Sum(d => int.Parse(d.Value["ai_firms"], CultureInfo.InvariantCulture));
        Assert.Equal(Truth.Value.GetProperty("ai_firms_total").GetInt32(), total2023);
        // Every firm founded by 2023 is in the registry, so the AI firms of 2023 are all the registry's AI firms. Without
        // exclude: [智能机器人玩具, 人工智能科普] the generator's tricky non-AI texts would count too: the run note says how many.
        int firms = Truth.Value.GetProperty("registry_firms").GetInt32(), tricky = Truth.Value.GetProperty("tricky_firms").GetInt32();
        Assert.True(tricky > 1000);
        var notes = Run.Value.Results.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains($"is_ai = classify(registry.business_scope): {total2023} of {firms} rows set to 1 (10 keywords); {tricky} with a keyword excluded (2 exclusions); 0 without text (0)", notes);
    }

    [Fact]
    public void Index_equals_the_generators_index()
    {
        var data = Data();
        foreach (var row in Truth.Value.GetProperty("rows").EnumerateArray())
        {
            var key = (row.GetProperty("province").GetString()!, row.GetProperty("year").GetInt32());
            var values = data[key];
            foreach (var index in new[] { "resilience", "fracture", "shock" })
            {
                // truth.json rounds to 8 decimals.
                double expected = row.GetProperty(index).GetDouble(), actual = double.Parse(values[index], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(expected - actual) < 1e-7, $"{index} {key}: study {actual}, generator {expected}");
            }
        }
    }

    [Fact]
    public void Every_table_of_the_seed_is_written_with_its_columns()
    {
        var expected = new Dictionary<string, (string Title, int Columns)>
        {
            ["baseline"] = ("表3 总韧性基准回归结果", 6), ["fracture_shock"] = ("表4 断裂韧性与冲击韧性基准回归结果", 12),
            ["heterogeneity_resilience"] = ("表5 异质性检验结果（一）总韧性", 4), ["heterogeneity_shock"] = ("表5 异质性检验结果（二）冲击韧性", 4),
            ["heterogeneity_fracture"] = ("表5 异质性检验结果（三）断裂韧性", 4), ["robustness_resilience"] = ("表6 总韧性稳健性与内生性检验", 4),
            ["robustness_fracture"] = ("表7 断裂韧性稳健性与内生性检验", 4), ["robustness_shock"] = ("表8 冲击韧性稳健性与内生性检验", 4),
        };
        Assert.Equal(12, Run.Value.Results.RootElement.GetProperty("tables").GetArrayLength());
        foreach (var (name, (title, columns)) in expected)
        {
            Assert.Equal(title, Table(name).GetProperty("title").GetString());
            Assert.Equal(columns, Columns(name).Count);
            Assert.True(File.Exists(Path.Combine(Run.Value.Dir, name + ".md")), $"{name}.md missing");
        }
        Assert.Contains("| 人工智能 | 420 |", File.ReadAllText(Path.Combine(Run.Value.Dir, "descriptive.md")));
        Assert.Equal(["替换核心解释变量", "异常值处理", "被解释变量滞后一期", "解释变量滞后一期"],
            Columns("robustness_shock").Select(c => c.GetProperty("title").GetString()));
        // The lagged columns lose 2010: 30 x 13 rows.
        Assert.Equal(390, Columns("robustness_resilience")[3].GetProperty("result").GetProperty("nobs").GetInt32());
    }

    [Fact]
    public void Baseline_cis_cover_the_true_effects_on_resilience_fracture_and_shock()
    {
        var baseline = Columns("baseline");
        Assert.Equal(420, baseline[^1].GetProperty("result").GetProperty("nobs").GetInt32());
        Covers(TrueValue("resilience", "baseline_5"), baseline[^1], "resilience");
        var fractureShock = Columns("fracture_shock");
        Covers(TrueValue("fracture", "baseline_5"), fractureShock[5], "fracture");
        Covers(TrueValue("shock", "baseline_5"), fractureShock[11], "shock");
        // The seed's story holds in the truth and is significant in the estimates: fracture > shock > 0.
        Assert.True(TrueValue("fracture", "baseline_5") > TrueValue("shock", "baseline_5"));
        Assert.True(LnAi(baseline[^1]).Low > 0 && LnAi(fractureShock[11]).Low > 0);
        // Every stepwise column of Table 3 covers its own true value (omitting a control shifts it a little).
        for (int k = 0; k < 6; k++) Covers(TrueValue("resilience", $"baseline_{k}"), baseline[k], $"baseline ({k + 1})");
    }

    [Fact]
    public void Region_tables_have_the_seeds_groups_and_the_central_effect_is_strongest_in_truth()
    {
        foreach (var name in new[] { "heterogeneity_resilience", "heterogeneity_shock", "heterogeneity_fracture" })
        {
            Assert.Equal(["全样本", "东部", "中部", "西部"], Columns(name).Select(c => c.GetProperty("title").GetString()));
            Assert.Equal([420, 154, 112, 154], Columns(name).Select(c => c.GetProperty("result").GetProperty("nobs").GetInt32()));
            Assert.Equal("suest", Table(name).GetProperty("comparison").GetProperty("test").GetString());
        }
        Assert.True(TrueValue("resilience", "central") > TrueValue("resilience", "east"));
        Assert.True(TrueValue("resilience", "east") > TrueValue("resilience", "west"));
        // Central: 8 clusters; its CI covers the truth (East and West do not all do: SYNTHETIC.md, few clusters).
        Covers(TrueValue("resilience", "central"), Columns("heterogeneity_resilience")[2], "central");
    }

    [Fact]
    public void Mediation_through_upgra_recovers_a_and_a_share_near_the_truth()
    {
        foreach (var outcome in new[] { "resilience", "fracture", "shock" })
        {
            var m = Table("mediation_" + outcome).GetProperty("mediation").GetProperty("mediators")[0];
            Assert.Equal("upgra", m.GetProperty("mediator").GetString());
            var a = m.GetProperty("a");
            double aHat = a.GetProperty("estimate").GetDouble(), se = a.GetProperty("std_error").GetDouble();
            Assert.InRange(TrueValue(outcome, "mediation_a"), aHat - 2.05 * se, aHat + 2.05 * se);
            Assert.True(m.GetProperty("sobel").GetProperty("p_value").GetDouble() < 0.01, $"{outcome}: Sobel p");
            double share = m.GetProperty("share").GetDouble(), trueShare = TrueValue(outcome, "mediation_share");
            Assert.InRange(trueShare, 0.15, 0.25);
            Assert.True(Math.Abs(share - trueShare) < 0.1, $"{outcome}: share {share} vs true {trueShare}");
            Assert.Equal(200, m.GetProperty("bootstrap").GetProperty("reps").GetInt32());
        }
    }
}
