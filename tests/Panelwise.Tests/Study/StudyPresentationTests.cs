using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Issue 17 in a study: language/text/rename/digits keys, the rename collision error with its line, and
/// labels that name a fixed text pointed to text:.</summary>
public class StudyPresentationTests
{
    private static string WriteStudy(string yaml)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(dir, "grunfeld.csv"));
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static IReadOnlyList<string> Problems(string yaml, out string path)
    {
        path = WriteStudy(yaml);
        string file = path;
        return Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(file))).Problems;
    }

    [Fact]
    public void A_rename_that_puts_two_terms_of_one_column_on_one_row_names_both_and_the_line()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            panel: { id: firm, time: year }
            tables:
              - name: t
                rename:
                  "l(capital, 1)": capital
                columns:
                  - formula: "inv ~ capital + l(capital, 1)"
            """, out var path);
        Assert.Equal([$"{path} line 6: table 't', column (1): 'rename' puts 'capital' and 'l(capital, 1)' on the same row 'capital', but a column shows one estimate per row. Rename only one of them, or give them different rows."], problems);
    }

    [Fact]
    public void A_label_for_a_fixed_text_points_to_text_and_unknown_keys_are_listed()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            labels: { Controls: 控制变量 }
            language: fr
            text: { contrls: x }
            tables:
              - name: t
                columns:
                  - formula: "inv ~ capital"
            """, out var path);
        Assert.Contains($"{path} line 2: 'Controls' is a fixed text of tables, not a variable: 'labels' names variables. Write it under 'text' instead, e.g. text: {{ controls: ... }} (or set language: zh).", problems);
        Assert.Contains($"{path} line 3: 'fr' is not a valid language. Use one of: en, zh.", problems);
        Assert.Contains(problems, p => p.StartsWith($"{path} line 4: 'contrls' is not a fixed text of tables. Did you mean 'controls'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Language_text_and_digits_reach_the_table()
    {
        string path = WriteStudy("""
            data: { file: grunfeld.csv }
            language: zh
            digits: 2
            labels: { firm: 企业, capital: 资本存量 }
            tables:
              - name: t
                text: { n: 样本量 }
                controls: [value]
                columns:
                  - { formula: "inv ~ capital + value | firm", vcov: cluster:firm }
              - name: e
                language: en
                columns:
                  - { formula: "inv ~ capital | firm", vcov: cluster:firm }
            """);
        var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
        string output = Path.Combine(Path.GetDirectoryName(path)!, "out");
        StudyRunner.Run(plan, output);
        string zh = File.ReadAllText(Path.Combine(output, "t.md"));
        Assert.Contains("| 控制变量 | 是 |", zh);
        Assert.Contains("| 企业固定效应 | 是 |", zh);
        Assert.Contains("| 样本量 | 200 |", zh);
        Assert.Contains("括号内为聚类到企业层面的稳健标准误。", zh);
        Assert.Matches(@"\| 资本存量 \| 0\.\d\d\\\*", zh);
        string en = File.ReadAllText(Path.Combine(output, "e.md"));
        Assert.Contains("| 企业 FE | Yes |", en);
        Assert.Contains("Standard errors in parentheses (clustered by 企业).", en);
    }
}
