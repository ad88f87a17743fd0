using System.Text.Json;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/hightech-resilience/study.yaml (issue 9): seed 003's design with the real index, mediator and
/// controls and the synthetic AI measure and seed controls runs end to end, every output opens with which variables
/// are real and which synthetic, every table using a synthetic variable says so, and the samples are the ones the
/// README states (30 provinces x 2016-2022; East/Central/West 11/8/11 provinces; a lagged outcome loses 2016).</summary>
public class HightechResilienceExampleTests(HightechResilienceRun run) : IClassFixture<HightechResilienceRun>
{
    private static readonly string[] Tables =
    [
        "indicators", "descriptive", "baseline", "fracture_shock", "heterogeneity_resilience", "heterogeneity_shock",
        "heterogeneity_fracture", "robustness_resilience", "robustness_fracture", "robustness_shock",
        "mediation_resilience", "mediation_fracture", "mediation_shock", "real_baseline",
    ];

    private static readonly string[] Synthetic = ["ln_ai", "incomegap", "finance", "open", "ln_road", "ln_population", "ln_ai_patents", "resilience15"];

    [Fact]
    public void Every_table_and_file_is_written()
    {
        Assert.True(run.Exit == 0, run.Stderr);
        foreach (var name in Tables.SelectMany(t => new[] { ".md", ".tex", ".html", ".docx", ".xlsx" }.Select(e => t + e))
                     .Concat(["results.json", "checks.md", "data.csv", "report.html"]))
            Assert.True(File.Exists(Path.Combine(run.Output, name)), $"{name} was not written");
        // The AI measure: the registry classified in DuckDB (as the synthetic example's truth.json counts).
        Assert.Contains("is_ai = classify(registry.business_scope): 98400 of 428401 rows set to 1 (10 keywords); 5032 with a keyword excluded", run.Stdout);
    }

    [Fact]
    public void Outputs_open_with_the_real_and_synthetic_variables()
    {
        var lines = run.Read("checks.md").Split('\n');
        Assert.StartsWith("Real data (observed): hr_profit (高技术产业利润总额(亿元)), ", lines[2]);
        Assert.Contains(" resilience (高技术产业韧性), fracture (断裂韧性), shock (冲击韧性), upgra (产业结构升级), ln_gdppc (人均GDP对数), ", lines[2]);
        Assert.StartsWith("Synthetic data (generated, not observed): ln_ai (人工智能) (from ai_firms); ", lines[4]);
        Assert.Contains("resilience15 (高技术产业韧性(15指标)) (from engel_coef, fdi_actual, hightech_trade, retail_sales, syn_population, unemployment_rate).", lines[4]);
        Assert.Equal(ProvenanceCaution, lines[6]);

        var provenance = JsonDocument.Parse(run.Read("results.json")).RootElement.GetProperty("provenance");
        Assert.Equal(Synthetic, provenance.GetProperty("synthetic").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var real = provenance.GetProperty("real").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("resilience", real);
        Assert.Contains("upgra", real);
        Assert.DoesNotContain("ln_ai", real);

        string report = run.Read("report.html");
        int caution = report.IndexOf($"<p class=\"preface\">{ProvenanceCaution}</p>", StringComparison.Ordinal);
        Assert.True(caution > 0 && caution < report.IndexOf("<section class=\"table\"", StringComparison.Ordinal));
    }

    private const string ProvenanceCaution = "Estimates involving synthetic variables illustrate the method, not findings: they show what the analysis does, not evidence about the units studied.";

    [Fact]
    public void Tables_with_synthetic_variables_carry_a_note_and_real_only_tables_do_not()
    {
        foreach (var table in Tables)
        {
            string text = run.Read(table + ".md");
            bool real = table is "indicators" or "real_baseline";
            Assert.True(real != text.Contains("Synthetic variables in this table: "), table);
        }
        Assert.Contains("Synthetic variables in this table: finance (金融发展水平), incomegap (城乡收入差距), ln\\_ai (人工智能), ln\\_population (人口密度), ln\\_road (交通基础设施), open (对外开放程度).", run.Read("baseline.md"));
        Assert.Contains("ln\\_ai\\_patents (人工智能专利)", run.Read("robustness_resilience.md"));
        Assert.Contains("resilience15 (高技术产业韧性(15指标))", run.Read("robustness_resilience.md"));
    }

    [Fact]
    public void Samples_are_30_provinces_2016_to_2022_with_the_seed_table_shapes()
    {
        Assert.Contains("| N | 210 | 210 | 210 | 210 | 210 | 210 | 210 |", run.Read("baseline.md"));
        Assert.Contains("| Controls | No | Yes | Yes | Yes | Yes | Yes | No |", run.Read("baseline.md"));
        Assert.Contains("| N |" + string.Concat(Enumerable.Repeat(" 210 |", 12)), run.Read("fracture_shock.md"));
        foreach (var outcome in new[] { "resilience", "shock", "fracture" })
        {
            string table = run.Read($"heterogeneity_{outcome}.md");
            Assert.Contains("|  | 全样本 | 东部 | 中部 | 西部 |", table);
            Assert.Contains("| N | 210 | 77 | 56 | 77 |", table);
            // The lagged outcome has no 2015 value: 30 rows fewer; the lagged AI measure exists for 2015 (synthetic).
            Assert.Contains("| N | 210 | 210 | 180 | 210 |", run.Read($"robustness_{outcome}.md"));
            string mediation = run.Read($"mediation_{outcome}.md");
            Assert.Contains("| N | 210 | 210 | 210 |", mediation);
            Assert.Contains("| Sobel z (p) |", mediation);
            Assert.Contains("| Mediation share |", mediation);
        }
        Assert.Contains("| N | 210 | 210 | 180 | 210 | 210 |", run.Read("robustness_resilience.md"));
        Assert.Contains("| N | 210 | 210 | 210 |", run.Read("real_baseline.md"));
        Assert.Contains("only 30 clusters (province)", run.Read("checks.md"));
    }

    [Fact]
    public void Tibet_keeps_its_rows_with_the_synthetic_columns_missing()
    {
        var data = DataReader.Read(Path.Combine(run.Output, "data.csv"));
        Assert.Equal(434, data.RowCount);
        var province = (Panelwise.Data.CategoricalColumn)data["province"];
        var tibet = Enumerable.Range(0, data.RowCount).Where(i => province.ValueAt(i) == "西藏").ToList();
        Assert.Equal(14, tibet.Count);
        foreach (var column in new[] { "ai_firms", "ai_patents", "loans", "resilience" })
            Assert.All(tibet, i => Assert.True(double.IsNaN(data.Numeric(column).Values[i]), column));
        Assert.DoesNotContain(Enumerable.Range(0, data.RowCount).Except(tibet), i => double.IsNaN(data.Numeric("ai_firms").Values[i]));
    }
}
