using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>A malformed study fails before any estimation with every problem listed, each with file, line and a fix.</summary>
public class StudyErrorTests
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
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(file)));
        return ex.Problems;
    }

    [Fact]
    public void A_library_error_quoted_by_the_study_names_the_yaml_key_not_a_flag()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            panel: { id: firm, time: year }
            tables:
              - name: t
                columns:
                  - formula: "inv ~ value"
                    model: fgls
                    panels: bogus
            """, out var path);
        Assert.Equal([$"{path} line 8: panels: bogus: use iid, hetero or correlated (Stata xtgls panels())."], problems);
    }

    [Fact]
    public void Unknown_key_is_reported_with_a_suggestion()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            tables:
              - name: t
                colums:
                  - formula: "inv ~ value"
            """, out var path);
        Assert.Equal([
            $"{path} line 4: unknown key 'colums' in a table. Did you mean 'columns'? Allowed here: name, title, columns, descriptive, correlation, vif, controls, statistics, tests, notes, bracket, decimals, stars, stamp, mediate, compare, multiverse, language, text, rename, digits.",
            $"{path} line 3: table 't' needs exactly one of 'columns' (regressions), 'mediate', 'compare', 'multiverse', 'descriptive', 'correlation' or 'vif'.",
        ], problems);
    }

    [Fact]
    public void Every_data_problem_is_found_before_estimation()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            variables:
              ln_inv: log(invest)
            tables:
              - name: baseline
                controls: [capitl]
                columns:
                  - formula: "inv ~ valu + capital | firm"
                  - formula: "inv ~ value +"
                    vcov: cluster:firm
              - name: summary
                descriptive:
                  variables: [inv, nope]
            """, out var path);
        Assert.Equal([
            $"{path} line 3: variable 'ln_inv' uses 'invest', which is neither a data column nor a variable or index defined above. Define it under 'variables' or check the spelling.",
            $"{path} line 8: the formula \"inv ~ valu + capital | firm\" uses 'valu', which is neither a data column nor a variable or index defined above. Did you mean 'value'? Define it under 'variables' or check the spelling.",
            $"{path} line 9: a formula of table 'baseline' cannot be read: Formula error: expected a term after '+'\n      inv ~ value +\n                   ^",
            $"{path} line 13: the descriptive block uses 'nope', which is neither a data column nor a variable or index defined above. Define it under 'variables' or check the spelling.",
        ], problems.Take(4));
    }

    [Fact]
    public void A_control_absent_from_every_formula_is_an_error()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            tables:
              - name: baseline
                controls: [capitl]
                columns:
                  - formula: "inv ~ value + capital | firm"
            """, out var path);
        Assert.Equal([$"{path} line 4: control 'capitl' of table 'baseline' appears in none of its formulas: add it to a formula or remove it from 'controls'."], problems);
    }

    [Fact]
    public void Bad_options_and_labels_name_their_line()
    {
        var problems = Problems("""
            data: { file: grunfeld.csv }
            labels:
              valeu: Market value
            tables:
              - name: t
                bracket: z
                columns:
                  - formula: "inv ~ value"
                    vcov: clustr:firm
                    model: fe
            """, out var path);
        Assert.Equal([
            $"{path} line 9: Unknown covariance 'clustr:firm': use iid, hc0, hc1 (robust), hc2, hc3, cluster:VAR, cluster:VAR1+VAR2, dk[:LAG] or nw[:LAG].",
            $"{path} line 10: model 'fe' needs the panel layout: add 'panel: {{ id: UNIT, time: YEAR }}' to the study.",
            $"{path} line 6: 'z' is not a valid bracket. Use one of: se, t.",
            $"{path} line 3: label for 'valeu', which is not a column, variable or formula term of this study. Did you mean 'value'? Remove it or fix the name.",
        ], problems);
    }
}
