using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>examples/innovation-chain (seed 000 on generated data) runs end to end with the seed's tables 2-10 (and a
/// multiverse over Table 5's robustness choices), and the
/// estimates recover the generator's true values (examples/innovation-chain/README.md): with effects that differ by
/// group, each regression's true value is the estimand the generator prints (Frisch-Waugh-Lovell on the realised
/// regressors), e.g. 0.329 for the baseline on all rows.</summary>
public class InnovationChainExampleTests
{
    private const double TrueBaseline = 0.329;
    private static readonly Dictionary<string, double> TrueByIntensity = new() { ["劳动密集型"] = 0.124, ["资本密集型"] = 0.383, ["技术密集型"] = 0.454 };
    private const double TrueLcv = 0.85, TrueWcv = 0.05;

    private static readonly Lazy<(string Dir, JsonDocument Results)> Run = new(() =>
    {
        string study = RepositoryPath.Of("examples", "innovation-chain", "study.yaml");
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var run = CliRunner.Run("run", study, "--out", dir);
        Assert.True(run.Exit == 0, run.Err);
        return (dir, JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json"))));
    });

    private static JsonElement Table(string name) =>
        Run.Value.Results.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static List<JsonElement> Columns(string table) => Table(table).GetProperty("columns").EnumerateArray().ToList();

    private static List<string?> Titles(string table) => Columns(table).Select(c => c.GetProperty("title").GetString()).ToList();

    private static (double Estimate, double Low, double High) Aie(JsonElement column)
    {
        var aie = column.GetProperty("result").GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "aie");
        return (aie.GetProperty("estimate").GetDouble(), aie.GetProperty("conf_low").GetDouble(), aie.GetProperty("conf_high").GetDouble());
    }

    /// <summary>Issue 17 item 7: the data are generated, so report.html, checks.md and results.json open with the
    /// provenance statement, as in the hightech synthetic study, and each regression table says so in a note.</summary>
    [Fact]
    public void The_synthetic_data_are_declared_in_every_output()
    {
        string dir = Run.Value.Dir;
        const string none = "Real data (observed): none of the variables the tables use.";
        var statement = Run.Value.Results.RootElement.GetProperty("provenance").GetProperty("statement").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(none, statement[0]);
        Assert.StartsWith("Synthetic data (generated, not observed): erl (创新链布局重构效能) (synthetic source 'innovation_chain.csv')", statement[1]);
        Assert.Contains(none, File.ReadAllText(Path.Combine(dir, "checks.md")));
        Assert.Contains(none, File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("本表使用的模拟变量：aie (人工智能嵌入程度)", File.ReadAllText(Path.Combine(dir, "baseline.md")));
        // language: zh reaches every fixed text of every table, the stamp and the summary tables' headers included.
        string descriptive = File.ReadAllText(Path.Combine(dir, "descriptive.md"));
        Assert.Contains("| 变量 | 观测值 | 均值 | 标准差 | 最小值 | 中位数 | 最大值 |", descriptive);
        Assert.Contains("可复现信息：研究文件study.yaml sha256:", descriptive);
        Assert.DoesNotContain("Reproducibility:", descriptive);
    }

    /// <summary>Issue 17 item 3: tables.xlsx holds every table on its own sheet in study order, numbers as numbers, and
    /// a last "notes" sheet with the data notes, each table's estimation notes and the checks.</summary>
    [Fact]
    public void The_workbook_has_one_sheet_per_table_and_a_notes_sheet()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(Path.Combine(Run.Value.Dir, "tables.xlsx"), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        var tables = Run.Value.Results.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal([.. tables, "notes"], sheets.Select(s => s.Name!.Value));
        var baseline = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[1].Id!.Value!)).Worksheet!;
        Assert.Contains(baseline.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>(), c => c.DataType is null && c.CellValue is not null);
        var notes = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[^1].Id!.Value!)).Worksheet!;
        var stubs = notes.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().FirstOrDefault()?.InnerText).ToList();
        Assert.Contains("data", stubs);
        Assert.Contains("robustness", stubs);
    }

    private static void Covers(double truth, JsonElement column, string what)
    {
        var (_, low, high) = Aie(column);
        Assert.True(low <= truth && truth <= high, $"{what}: 95% CI [{low}, {high}] misses the true {truth}");
    }

    [Fact]
    public void Every_table_of_the_seed_is_written_with_its_title()
    {
        string dir = Run.Value.Dir;
        var expected = new Dictionary<string, string>
        {
            ["descriptive"] = "表2 描述性统计", ["baseline"] = "表3 基准回归结果", ["endogeneity"] = "表4 内生性检验",
            ["robustness"] = "表5 稳健性检验", ["mechanism"] = "表6 中介效应检验", ["heterogeneity_intensity"] = "表7 产业异质性回归结果",
            ["heterogeneity_position"] = "表8 创新链位置异质性回归结果", ["heterogeneity_market"] = "表9 地区与行业异质性回归结果（一）要素市场",
            ["heterogeneity_tech"] = "表9 地区与行业异质性回归结果（二）技术属性", ["value_extension"] = "表10 人工智能嵌入对创新链价值延伸的影响",
            ["heterogeneity_intensity_fc"] = "表7（续） 产业异质性回归结果：因子—聚类分析的分组",
        };
        foreach (var (name, title) in expected)
        {
            Assert.True(File.Exists(Path.Combine(dir, name + ".md")), $"{name}.md missing");
            Assert.Equal(title, Table(name).GetProperty("title").GetString());
        }
        string endogeneity = File.ReadAllText(Path.Combine(dir, "endogeneity.md"));
        Assert.Contains("| Kleibergen-Paap rk LM统计量 |", endogeneity);
        Assert.Contains("| 第一阶段F值 |", endogeneity);
        Assert.Contains("| Kleibergen-Paap rk Wald F统计量 |", endogeneity);
        Assert.Contains("| 人工智能嵌入程度 |", File.ReadAllText(Path.Combine(dir, "baseline.md")));
    }

    [Fact]
    public void Baseline_ci_covers_the_true_effect()
    {
        var columns = Columns("baseline");
        Assert.Equal(6, columns.Count);
        // The last csw step has all five controls with industry and year FE, clustered by industry: the paper's main column.
        Assert.Equal(385, columns[^1].GetProperty("result").GetProperty("nobs").GetInt32());
        Covers(TrueBaseline, columns[^1], "baseline");
        Assert.True(Aie(columns[^1]).Low > 0, "the effect should be significant at 5%");
    }

    [Fact]
    public void Robustness_has_a_psm_column_with_its_matching_counts()
    {
        var columns = Columns("robustness");
        Assert.Equal(["1%缩尾", "前端", "中端", "后端", "改变统计口径", "滞后一期", "PSM"], Titles("robustness"));
        var match = columns[^1].GetProperty("match");
        Assert.Equal("high_ai", match.GetProperty("treatment").GetString());
        int matched = match.GetProperty("treated_matched").GetInt32();
        Assert.True(matched > 100, $"only {matched} treated matched");
        Assert.Equal(2 * matched, columns[^1].GetProperty("result").GetProperty("nobs").GetInt32());
        Assert.Contains("(7) PSM：以lngdp，imp，expt，inst，tra为协变量，用logit模型估计high\\_ai的倾向得分", File.ReadAllText(Path.Combine(Run.Value.Dir, "robustness.md")));
    }

    [Fact]
    public void Mediation_table_has_both_mediators_and_the_joint_equation()
    {
        var mediation = Table("mechanism").GetProperty("mediation");
        Assert.Equal(["fsie", "itse"], mediation.GetProperty("mediators").EnumerateArray().Select(m => m.GetProperty("mediator").GetString()));
        // True a-paths 0.50 (fsie) and 0.25 (itse), README.
        var a = mediation.GetProperty("mediators").EnumerateArray().Select(m => m.GetProperty("a").GetProperty("estimate").GetDouble()).ToList();
        Assert.InRange(a[0], 0.40, 0.60);
        Assert.InRange(a[1], 0.15, 0.35);
        Assert.Equal(200, mediation.GetProperty("joint").GetProperty("bootstrap").GetProperty("reps").GetInt32());
    }

    [Fact]
    public void Heterogeneity_tables_have_the_expected_columns_and_cover_the_true_group_effects()
    {
        Assert.Equal(["总体样本", "劳动密集型", "资本密集型", "技术密集型"], Titles("heterogeneity_intensity"));
        var intensity = Columns("heterogeneity_intensity");
        for (int g = 1; g < 4; g++) Covers(TrueByIntensity[Titles("heterogeneity_intensity")[g]!], intensity[g], Titles("heterogeneity_intensity")[g]!);
        var comparison = Table("heterogeneity_intensity").GetProperty("comparison");
        Assert.Equal("suest", comparison.GetProperty("test").GetString());
        Assert.Equal("group_vs_rest", comparison.GetProperty("pairing").GetString());
        // Labour-intensive industries have the weakest effect (δ = -0.20): clearly different from the rest.
        Assert.True(comparison.GetProperty("groups")[0].GetProperty("p_value").GetDouble() < 0.05);

        Assert.Equal(["前端", "中端", "后端"], Titles("heterogeneity_position"));
        Assert.Equal(["要素市场发达", "非要素市场发达"], Titles("heterogeneity_market"));
        Assert.Equal(["高技术行业", "低技术行业"], Titles("heterogeneity_tech"));
        Assert.Equal("pair", Table("heterogeneity_tech").GetProperty("comparison").GetProperty("pairing").GetString());
        // The example is written in Chinese (language: zh): the test row and its note follow.
        string position = File.ReadAllText(Path.Combine(Run.Value.Dir, "heterogeneity_position.md"));
        Assert.Contains("| 组间系数差异检验p值（suest，各组对其余组） |", position);
        Assert.Contains("各列为按创新链位置分组的子样本回归；组间系数差异检验为基于似无相关估计（suest）的Wald检验，原假设为人工智能嵌入程度的系数在组间相等。", position);
    }

    /// <summary>Issue 18: Table 5's robustness choices as one multiverse. Its baseline is Table 3's last column, so
    /// the two estimates must be the same number; the curve, its tables and the baseline's check are written.</summary>
    [Fact]
    public void Multiverse_over_the_robustness_choices_has_table_3_as_its_baseline()
    {
        string dir = Run.Value.Dir;
        var multiverse = Table("multiverse").GetProperty("multiverse");
        var summary = multiverse.GetProperty("summary");
        // 4 outcomes x 3 treatments x 2 control sets x 2 FE sets x 2 covariances x 2 samples, less the 48 with
        // industry effects only and no controls; the covariances share fits.
        Assert.Equal(144, summary.GetProperty("n_specs").GetInt32());
        Assert.Equal(72, summary.GetProperty("n_fits").GetInt32());
        int number = summary.GetProperty("baseline").GetProperty("spec").GetInt32();
        var baseline = multiverse.GetProperty("specs")[number - 1];
        Assert.Equal(["erl", "aie", "lngdp + imp + expt + inst + tra", "industry_id + year", "cluster:industry_id", "all"],
            ((string[])["y", "x", "controls", "fe", "vcov", "sample"]).Select(k => baseline.GetProperty(k).GetString()));
        var (estimate, low, high) = Aie(Columns("baseline")[^1]);
        Assert.Equal(estimate, baseline.GetProperty("estimate").GetDouble(), 1e-12);
        Assert.Equal(low, baseline.GetProperty("conf_low").GetDouble(), 1e-12);
        Assert.Equal(high, baseline.GetProperty("conf_high").GetDouble(), 1e-12);
        Assert.Equal(50, multiverse.GetProperty("joint_test").GetProperty("draws").GetInt32());
        foreach (string file in (string[])["multiverse.md", "multiverse.docx", "multiverse-specs.csv", "multiverse-specs.xlsx", "plots/multiverse-curve.png"])
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.Equal(145, File.ReadAllLines(Path.Combine(dir, "multiverse-specs.csv")).Length);
        string table = File.ReadAllText(Path.Combine(dir, "multiverse.md"));
        Assert.Contains("| 设定数 | 144 |", table);
        Assert.Contains("本表使用的模拟变量：aie (人工智能嵌入程度)", table);
        Assert.Contains($"ranks {summary.GetProperty("baseline").GetProperty("rank").GetInt32()} of 144", File.ReadAllText(Path.Combine(dir, "checks.md")));
    }

    /// <summary>Issue 17 item 8: the industries are classified from their factor-input shares (PCA and k-means, as the
    /// seed does), the derived groups are compared with the given ones, and they split a heterogeneity table. The
    /// generator draws the shares around the given factor-intensity groups, so the derived groups should mostly agree.</summary>
    [Fact]
    public void Industries_are_classified_from_factor_inputs_and_compared_with_the_given_groups()
    {
        string dir = Run.Value.Dir;
        foreach (var table in new[] { "intensity_fc_factors", "intensity_fc_groups", "intensity_fc_vs_intensity", "intensity_fc_vs_position" })
            Assert.True(File.Exists(Path.Combine(dir, table + ".xlsx")), table);
        var block = Run.Value.Results.RootElement.GetProperty("data_handling").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "classify_units");
        Assert.Equal(2, block.GetProperty("pca").GetProperty("components").GetInt32());
        Assert.Equal(35, block.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("size").GetInt32()));
        var agreement = block.GetProperty("agreement").EnumerateArray().ToList();
        Assert.Equal(["intensity", "position"], agreement.Select(a => a.GetProperty("given").GetString()));
        var intensity = agreement[0];
        Assert.True(intensity.GetProperty("share").GetDouble() >= 0.9, $"only {intensity.GetProperty("agreeing")} of 35 industries agree");
        Assert.Equal(["劳动密集型", "资本密集型", "技术密集型"], intensity.GetProperty("matching").EnumerateArray().Select(m => m.GetProperty("given").GetString()));
        Assert.Equal(intensity.GetProperty("agreeing").GetInt32(), intensity.GetProperty("agreeing_as_labelled").GetInt32());
        string factors = File.ReadAllText(Path.Combine(dir, "intensity_fc_factors.md"));
        Assert.Contains("| 指标 | 主成分1 | 主成分2 | MSA |", factors);
        Assert.Contains("Bartlett球形检验", factors);
        Assert.Contains("调整兰德指数", File.ReadAllText(Path.Combine(dir, "intensity_fc_vs_position.md")));

        Assert.Equal(["总体样本", "劳动密集型", "资本密集型", "技术密集型"], Titles("heterogeneity_intensity_fc"));
        // The derived labour-intensive group is exactly the given one (counts[0] = [12, 0, 0]), so its column is the same regression.
        Assert.Equal([12, 0, 0], intensity.GetProperty("counts")[0].EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(Aie(Columns("heterogeneity_intensity")[1]).Estimate, Aie(Columns("heterogeneity_intensity_fc")[1]).Estimate, 12);
    }

    [Fact]
    public void Value_extension_covers_the_true_effects_on_length_and_width()
    {
        var columns = Columns("value_extension");
        Assert.Equal(["未加入控制变量", "加入控制变量", "未加入控制变量", "加入控制变量"], Titles("value_extension"));
        Assert.Equal(["lcv", "lcv", "wcv", "wcv"], columns.Select(c => c.GetProperty("result").GetProperty("response").GetString()));
        Covers(TrueLcv, columns[1], "lcv with controls");
        Covers(TrueWcv, columns[3], "wcv with controls");
    }
}
