using System.Text.Json;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Heterogeneity (<c>compare:</c>) tables, matched (<c>match:</c>) columns and FGLS columns give the numbers of
/// the commands they stand for (<c>panelwise compare</c>, <c>panelwise match</c> + <c>fit --weights _weight</c>,
/// <c>fit --model fgls</c>), run on the study's own prepared data.csv; malformed blocks fail before estimation.</summary>
public class StudyTableKindsTests
{
    private const string Formula = "log_gsp ~ log_pcap + log_emp + unemp | state + year";

    private const string Study = """
        data: { file: produc.csv }
        panel: { id: state, time: year }
        variables:
          area: { map: region, values: { 东部: [1, 2, 3], 中部: [4, 5, 6], 西部: [7, 8, 9] } }
          hi: "unemp > 6"
        labels:
          东部: East
        tables:
          - name: two
            controls: [log_emp, unemp]
            compare:
              formula: "log_gsp ~ log_pcap + log_emp + unemp | state + year"
              vcov: cluster:state
              by: area
              levels: [东部, 西部]
              total: 全样本
          - name: three
            compare:
              formula: "log_gsp ~ log_pcap + log_emp + unemp | state + year"
              vcov: cluster:state
              by: area
              if: "year >= 1975"
          - name: psm
            columns:
              - { formula: "log_gsp ~ hi + log_pcap + log_emp | state + year", vcov: cluster:state, title: Full }
              - formula: "log_gsp ~ hi + log_pcap + log_emp | state + year"
                vcov: cluster:state
                title: PSM
                match: { treatment: hi, covariates: [log_pcap, log_emp], caliper: 0.05, ratio: 1, seed: 3 }
          - name: gls
            columns:
              - { formula: "log_gsp ~ log_pcap + log_emp + unemp", model: fgls, panels: hetero }
        """;

    private static string Folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(ReferencePath.Of("oracle", "data", "produc.csv"), Path.Combine(dir, "produc.csv"));
        return dir;
    }

    private static (string Dir, JsonElement Results) RunStudy(string yaml = Study)
    {
        string dir = Folder();
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(path)), Path.Combine(dir, "out"));
        return (dir, JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json"))).RootElement.Clone());
    }

    private static JsonElement Table(JsonElement results, string name) =>
        results.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static JsonElement Coefficient(JsonElement result, string term) =>
        result.GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == term);

    private static JsonElement Cli(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.True(run.Exit == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static void SameFit(JsonElement expected, JsonElement actual, string term)
    {
        Assert.Equal(expected.GetProperty("nobs").GetInt32(), actual.GetProperty("nobs").GetInt32());
        foreach (var key in new[] { "estimate", "std_error", "p_value" })
            Assert.Equal(Coefficient(expected, term).GetProperty(key).GetDouble(), Coefficient(actual, term).GetProperty(key).GetDouble(), 12);
    }

    [Fact]
    public void Two_group_table_equals_panelwise_compare_and_shows_one_pair_test_in_both_columns()
    {
        var (dir, results) = RunStudy();
        string data = Path.Combine(dir, "out", "data.csv");
        var cli = Cli("compare", data, Formula, "--by", "area == '西部'", "--if", "area == '东部' | area == '西部'", "--vcov", "cluster:state", "--panel", "state,year", "--json");
        var table = Table(results, "two");
        var columns = table.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["全样本", "East", "西部"], columns.Select(c => c.GetProperty("title").GetString()));
        // compare's groups of a logical split: !(expr) (here 东部, the only other level) first, then expr (西部).
        var groups = cli.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        for (int g = 0; g < 2; g++)
        {
            var expected = groups[g];
            var actual = columns[g + 1].GetProperty("result");
            Assert.Equal(expected.GetProperty("nobs").GetInt32(), actual.GetProperty("nobs").GetInt32());
            foreach (var key in new[] { "estimate", "std_error", "p_value" })
                Assert.Equal(Coefficient(expected, "log_pcap").GetProperty(key).GetDouble(), Coefficient(actual, "log_pcap").GetProperty(key).GetDouble(), 12);
        }
        Assert.Equal(groups.Sum(g => g.GetProperty("nobs").GetInt32()), columns[0].GetProperty("result").GetProperty("nobs").GetInt32());
        var suest = cli.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("coefficient").GetString() == "log_pcap");
        var comparison = table.GetProperty("comparison");
        Assert.Equal("pair", comparison.GetProperty("pairing").GetString());
        foreach (var g in comparison.GetProperty("groups").EnumerateArray())
            Assert.Equal(suest.GetProperty("p_value").GetDouble(), g.GetProperty("p_value").GetDouble(), 12);

        string markdown = File.ReadAllText(Path.Combine(dir, "out", "two.md"));
        string p = suest.GetProperty("p_value").GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(markdown.Split('\n'), l => l.StartsWith(@"| suest p (log\_pcap: equal in the two groups) |  |") && l.EndsWith($"| {p} | {p} |"));
        Assert.Contains(markdown.Split('\n'), l => l.StartsWith("| Controls |"));
    }

    [Fact]
    public void Three_group_table_tests_each_group_against_the_rest_as_compare_does()
    {
        var (dir, results) = RunStudy();
        string data = Path.Combine(dir, "out", "data.csv");
        var comparison = Table(results, "three").GetProperty("comparison");
        Assert.Equal("group_vs_rest", comparison.GetProperty("pairing").GetString());
        var groups = comparison.GetProperty("groups").EnumerateArray().ToList();
        // Without 'levels', every level in ordinal order (东 U+4E1C, 中 U+4E2D, 西 U+897F).
        Assert.Equal(["东部", "中部", "西部"], groups.Select(g => g.GetProperty("level").GetString()));
        foreach (var g in groups)
        {
            string level = g.GetProperty("level").GetString()!;
            var cli = Cli("compare", data, Formula, "--by", $"area == '{level}'", "--if", "(year >= 1975) & (area == '中部' | area == '东部' | area == '西部')",
                "--vcov", "cluster:state", "--panel", "state,year", "--json");
            var test = cli.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("coefficient").GetString() == "log_pcap");
            Assert.Equal(test.GetProperty("p_value").GetDouble(), g.GetProperty("p_value").GetDouble(), 12);
            var column = Table(results, "three").GetProperty("columns")[g.GetProperty("column").GetInt32() - 1].GetProperty("result");
            SameFit(cli.GetProperty("groups")[1], column, "log_pcap");
        }
        Assert.Contains(@"| suest p (log\_pcap: group vs the rest) |", File.ReadAllText(Path.Combine(dir, "out", "three.md")));
    }

    [Fact]
    public void Chow_table_reproduces_the_oracle_of_the_group_comparison_tests()
    {
        // tests/reference/oracle: R's Chow test of produc split at 1980 (GroupComparisonTests.ChowMatchesTheOracle).
        var c = OracleCases.Load("produc_chow_1980").GetProperty("tests").GetProperty("chow");
        var (dir, results) = RunStudy("""
            data: { file: produc.csv }
            variables:
              late: "year >= 1980"
            tables:
              - name: chow
                compare: { formula: "log_gsp ~ log_pcap + log_pc + log_emp + unemp", by: late, test: chow }
            """);
        var table = Table(results, "chow");
        var groups = table.GetProperty("comparison").GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["0", "1"], groups.Select(g => g.GetProperty("level").GetString()));
        Assert.Equal([480, 336], groups.Select(g => g.GetProperty("nobs").GetInt32()));
        foreach (var g in groups)
        {
            OracleCases.Near(c.GetProperty("F").GetDouble(), g.GetProperty("statistic").GetDouble(), "Chow F");
            OracleCases.Near(c.GetProperty("p").GetDouble(), g.GetProperty("p_value").GetDouble(), "Chow p");
        }
        Assert.Null(table.GetProperty("comparison").GetProperty("coefficient").GetString());
        Assert.Contains("| Chow p (all coefficients: equal in the two groups) |", File.ReadAllText(Path.Combine(dir, "out", "chow.md")));
    }

    [Fact]
    public void Matched_column_equals_panelwise_match_then_a_weighted_fit()
    {
        var (dir, results) = RunStudy();
        string data = Path.Combine(dir, "out", "data.csv");
        string matched = Path.Combine(dir, "matched.csv");
        var match = Cli("match", data, "--treat", "hi", "--covariates", "log_pcap + log_emp", "--caliper", "0.05", "--seed", "3", "--out", matched, "--json");
        var fit = Cli("fit", matched, "log_gsp ~ hi + log_pcap + log_emp | state + year", "--weights", "_weight", "--if", "_weight > 0", "--vcov", "cluster:state", "--json");
        var column = Table(results, "psm").GetProperty("columns")[1];
        SameFit(fit, column.GetProperty("result"), "hi");
        var counts = column.GetProperty("match");
        Assert.Equal(3, counts.GetProperty("seed").GetInt32());
        int treated = counts.GetProperty("treated").GetInt32(), matchedTreated = counts.GetProperty("treated_matched").GetInt32();
        Assert.True(matchedTreated > 0 && matchedTreated <= treated);
        Assert.Equal(treated - matchedTreated, counts.GetProperty("off_support").GetInt32());
        var direct = match;
        Assert.Equal(direct.GetProperty("n_treated").GetInt32(), treated);
        Assert.Equal(direct.GetProperty("n_treated_matched").GetInt32(), matchedTreated);
        Assert.Equal(direct.GetProperty("n_controls_used").GetInt32(), counts.GetProperty("controls_matched").GetInt32());
        string markdown = File.ReadAllText(Path.Combine(dir, "out", "psm.md"));
        Assert.Contains($@"(2) PSM: logit score of hi on log\_pcap, log\_emp; nearest neighbour 1:1 without replacement (largest score first), caliper 0.05; {matchedTreated} of {treated} treated matched to", markdown);
        Assert.Contains("seeds: 3;", markdown);
    }

    [Fact]
    public void Fgls_column_equals_fit_model_fgls()
    {
        var (_, results) = RunStudy();
        string data = ReferencePath.Of("oracle", "data", "produc.csv");
        var fit = Cli("fit", data, "log_gsp ~ log_pcap + log_emp + unemp", "--model", "fgls", "--panels", "hetero", "--panel", "state,year", "--json");
        var column = Table(results, "gls").GetProperty("columns")[0].GetProperty("result");
        Assert.Equal("fgls", column.GetProperty("model").GetString());
        SameFit(fit, column, "log_pcap");
    }

    [Fact]
    public void A_listed_level_without_rows_names_the_table_level_and_filter()
    {
        string yaml = Study.Replace("levels: [东部, 西部]", "levels: [东部, 北部]");
        var ex = Assert.Throws<StudyException>(() => RunStudy(yaml));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("line 12: table 'two' (compare by area): level '北部' of area has no rows.", problem);
        Assert.Contains("Levels with rows: 东部, 中部, 西部", problem);

        yaml = Study.Replace("if: \"year >= 1975\"", "if: \"year >= 2050\"");
        ex = Assert.Throws<StudyException>(() => RunStudy(yaml));
        Assert.Contains("table 'three' (compare by area): area has no level with rows passing the filter \"year >= 2050\"", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Malformed_compare_and_match_blocks_fail_with_file_and_line_before_estimation()
    {
        string dir = Folder();
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, """
            data: { file: produc.csv }
            tables:
              - name: bad_compare
                compare:
                  formula: "log_gsp ~ log_pcap + unemp"
                  by: regio
                  coefficient: log_emp
                  test: wald
                  levels: [1]
              - name: chow_with_coefficient
                compare: { formula: "log_gsp ~ log_pcap", by: region, test: chow, coefficient: log_pcap }
              - name: no_by
                compare: { formula: "log_gsp ~ csw(log_pcap, unemp)" }
              - name: bad_match
                columns:
                  - formula: "log_gsp ~ log_pcap"
                    weights: emp
                    match: { treatment: treat, caliper: -1 }
            """);
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal([
            $"{path} line 13: a compare block needs 'by'.",
            $"{path} line 18: a match block needs 'covariates'.",
        ], ex.Problems);

        File.WriteAllText(path, File.ReadAllText(path).Replace("compare: { formula: \"log_gsp ~ csw(log_pcap, unemp)\" }", "compare: { formula: \"log_gsp ~ csw(log_pcap, unemp)\", by: region }")
            .Replace("match: { treatment: treat, caliper: -1 }", "match: { treatment: treat, covariates: [unemp], caliper: -1 }"));
        ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal([
            $"{path} line 6: the compare block of table 'bad_compare' uses 'regio', which is neither a data column nor a variable or index defined above. Did you mean 'region'? Define it under 'variables' or check the spelling.",
            $"{path} line 9: the compare block of table 'bad_compare' lists one level (1): list at least two, or leave 'levels' out to use every level.",
            $"{path} line 8: 'wald' is not a valid test. Use one of: suest, chow, permutation, permutation:B.",
            $"{path} line 7: coefficient 'log_emp' is not a regressor of \"log_gsp ~ log_pcap + unemp\". Use one of: log_pcap, unemp.",
            $"{path} line 11: the Chow test compares all coefficients at once: remove 'coefficient', or use test: suest.",
            $"{path} line 13: a formula of table 'no_by' cannot be read: a compare block fits one model in every group: remove csw()/sw().",
            $"{path} line 18: the match block uses 'treat', which is neither a data column nor a variable or index defined above. Define it under 'variables' or check the spelling.",
            $"{path} line 18: caliper (in propensity-score units) must be a number above 0 and finite, not '-1'.",
            $"{path} line 17: a column with 'match' is weighted by the matching weights: remove 'weights'.",
        ], ex.Problems);
    }
}
