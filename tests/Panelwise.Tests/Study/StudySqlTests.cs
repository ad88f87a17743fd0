using Panelwise.Data;
using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>The SQL data step of a study file: a registry loaded as a DuckDB table (<c>as</c>), keyword
/// classification (<c>classify</c>), queries over the tables and <c>frame</c> (<c>sql</c>) joined like files or as the
/// base frame, the classification note in the run's notes, and every mistake reported with file, line and fix before
/// anything is estimated.</summary>
public class StudySqlTests
{
    private static readonly string[] Keywords = ["人工智能", "语音识别", "图像识别", "机器学习"];

    private const string Provinces = "province,year,gdp\n北京,2004,1\n北京,2005,2\n上海,2004,3\n上海,2005,4\n山西,2004,5\n山西,2005,6\n广东,2004,7\n广东,2005,8\n";

    private const string Tables = "tables:\n  - name: d\n    descriptive: { variables: [gdp] }\n";

    /// <summary>The contract's example, verbatim in shape.</summary>
    private const string Example = """
        data:
          - file: provinces.csv
          - file: registry.csv.gz
            as: registry
          - classify: registry
            text: business_scope
            into: is_ai
            keywords: [人工智能, 语音识别, 图像识别, 机器学习]
            exclude: [不含人工智能]
          - sql: |
              SELECT f.province, f.year, count(r.firm_id) AS ai_firms
              FROM frame f LEFT JOIN registry r
                ON r.province = f.province AND r.is_ai = 1 AND r.founded <= f.year
              GROUP BY f.province, f.year
            join: [province, year]
        variables:
          lai: log(1 + ai_firms)
        tables:
          - name: d
            descriptive: { variables: [gdp, ai_firms, lai] }
        """;

    private static (string Dir, List<KeywordRegistry.Firm> Firms) Folder(int firms = 2000)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "provinces.csv"), Provinces);
        var registry = KeywordRegistry.Firms(firms);
        KeywordRegistry.Write(Path.Combine(dir, "registry.csv.gz"), registry);
        return (dir, registry);
    }

    private static IReadOnlyList<string> Problems(string dir, string yaml, out string path)
    {
        string file = path = StudyTestData.Study(dir, yaml);
        return Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(file))).Problems;
    }

    [Fact]
    public void The_example_classifies_counts_by_province_and_year_and_joins_the_counts()
    {
        var (dir, firms) = Folder();
        var plan = StudyPlanner.Plan(StudyFileReader.Read(StudyTestData.Study(dir, Example)));
        var data = plan.Data;
        Assert.Equal(["province", "year", "gdp", "ai_firms"], data.Columns.Select(c => c.Name));
        var province = (CategoricalColumn)data["province"];
        for (int i = 0; i < data.RowCount; i++)
        {
            string p = province.ValueAt(i)!;
            double year = data.Numeric("year").Values[i];
            int expected = firms.Count(f => f.Province == p && f.Founded <= year && KeywordRegistry.Expected(f.Scope, Keywords, ["不含人工智能"]) == 1);
            Assert.Equal(expected, data.Numeric("ai_firms").Values[i]);
        }
        Assert.True(data.Numeric("ai_firms").Values.All(v => v > 0));
        int ones = firms.Count(f => KeywordRegistry.Expected(f.Scope, Keywords, ["不含人工智能"]) == 1);
        int excluded = firms.Count(f => KeywordRegistry.Expected(f.Scope, Keywords, []) == 1 && KeywordRegistry.Expected(f.Scope, ["不含人工智能"], []) == 1);
        int missing = firms.Count(f => f.Scope is null);
        string note = $"is_ai = classify(registry.business_scope): {ones} of 2000 rows set to 1 (4 keywords); {excluded} with a keyword excluded (1 exclusion); {missing} without text (0)";
        Assert.Equal([note], plan.DataSteps.Select(step => step.Describe()));
        var report = Assert.IsType<ClassificationReport>(Assert.Single(plan.DataSteps));
        Assert.Equal((2000L, (long)ones, (long)excluded, (long)missing),
            (report.Counts.Rows, report.Counts.Classified, report.Counts.Excluded, report.Counts.MissingText));
        Assert.Equal(["provinces.csv", "registry.csv.gz"], plan.InputFiles.Select(Path.GetFileName));
        var (frame, _) = StudyData.Prepare(plan);
        Assert.Equal(data.Numeric("ai_firms").Values.Select(v => Math.Log(1 + v)), frame.Numeric("lai").Values);
    }

    [Fact]
    public void The_classification_reaches_the_data_handling_report_results_json_and_the_run_notes()
    {
        var (dir, _) = Folder(300);
        var plan = StudyPlanner.Plan(StudyFileReader.Read(StudyTestData.Study(dir, Example)));
        var outcome = StudyRunner.Run(plan, Path.Combine(dir, "out"));
        var report = Assert.IsType<ClassificationReport>(Assert.Single(plan.DataSteps));
        string text = report.Describe();
        Assert.Equal(text, outcome.Notes[0]);
        string json = File.ReadAllText(Path.Combine(dir, "out", "results.json"));
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }), json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var step = doc.RootElement.GetProperty("data_handling").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "classify");
        Assert.Equal("is_ai", step.GetProperty("variable").GetString());
        Assert.Equal("business_scope", step.GetProperty("text_column").GetString());
        Assert.Equal(report.Counts.Classified, step.GetProperty("classified").GetInt64());
        Assert.Equal(report.Counts.Excluded, step.GetProperty("excluded").GetInt64());
        Assert.Equal(300L, step.GetProperty("rows").GetInt64());
        string checks = File.ReadAllText(Path.Combine(dir, "out", "checks.md"));
        Assert.Contains("## Data handling\n\n- " + text + "\n", checks);
    }

    [Fact]
    public void A_query_can_be_the_base_frame_and_files_join_to_it()
    {
        var (dir, firms) = Folder(500);
        string study = StudyTestData.Study(dir, """
            data:
              - { file: registry.csv.gz, as: registry }
              - sql: SELECT province, founded AS year, count(*) AS firms FROM registry GROUP BY ALL ORDER BY province, year
              - { file: provinces.csv, join: [province, year] }
            tables:
              - name: d
                descriptive: { variables: [firms], if: "gdp > 0" }
            """);
        var problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(study))).Problems;
        // The registry has years 2001-2006 and the provinces file only 2004-2005: the join must refuse to lose rows.
        Assert.Single(problems);
        Assert.Contains("rows of the data find no match in 'provinces.csv'", problems[0]);
        File.WriteAllText(study, File.ReadAllText(study).Replace("GROUP BY ALL", "WHERE founded IN (2004, 2005) GROUP BY ALL"));
        var data = StudyPlanner.Plan(StudyFileReader.Read(study)).Data;
        Assert.Equal(["province", "year", "firms", "gdp"], data.Columns.Select(c => c.Name));
        Assert.Equal(8, data.RowCount);
        Assert.Equal(firms.Count(f => f.Province == "上海" && f.Founded == 2004), data.Numeric("firms").Values[0]);
    }

    [Fact]
    public void Frame_is_the_data_so_far_and_a_query_sees_earlier_joins()
    {
        var (dir, _) = Folder(10);
        File.WriteAllText(Path.Combine(dir, "extra.csv"), "province,year,pop\n北京,2004,10\n北京,2005,20\n上海,2004,30\n上海,2005,40\n山西,2004,50\n山西,2005,60\n广东,2004,70\n广东,2005,80\n");
        string study = StudyTestData.Study(dir, """
            data:
              - file: provinces.csv
              - { file: extra.csv, join: [province, year] }
              - sql: SELECT province, year, gdp / pop AS per_head, gdp > 4 AS big, NULL::DOUBLE AS nothing FROM frame
                join: [province, year]
              - sql: UPDATE frame SET gdp = 0; SELECT province, year, gdp AS gdp0 FROM frame
                join: [province, year]
              - sql: SELECT province, year, gdp AS gdp_again FROM frame
                join: [province, year]
            """ + "\n" + Tables);
        var data = StudyPlanner.Plan(StudyFileReader.Read(study)).Data;
        Assert.Equal([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], data.Numeric("per_head").Values);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], data.Numeric("big").Values);
        Assert.All(data.Numeric("nothing").Values, v => Assert.True(double.IsNaN(v)));
        // A query that changes table frame changes only its own result: the next query sees the data again.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0], data.Numeric("gdp0").Values);
        Assert.Equal(data.Numeric("gdp").Values, data.Numeric("gdp_again").Values);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], data.Numeric("gdp").Values);
    }

    [Fact]
    public void Sql_errors_carry_duckdbs_message_with_the_study_line()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - sql: |
                  SELEC province FROM frame
                join: [province]
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 4: DuckDB cannot run the query: Parser Error: syntax error at or near \"SELEC\"\n    \n    LINE 1 (study line 5): SELEC province FROM frame\n                           ^\n" +
            "    Tables this query can use: registry, frame (the data so far).",
        ], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - sql: SELECT province, year, gpd FROM frame
                join: [province, year]
            """ + "\n" + Tables, out path);
        Assert.Single(problems);
        Assert.StartsWith($"{path} line 3: DuckDB cannot run the query: Binder Error: Referenced column \"gpd\" not found in FROM clause!", problems[0]);
        Assert.EndsWith("Tables this query can use: frame (the data so far).", problems[0]);
    }

    [Fact]
    public void Duckdbs_line_in_a_block_query_is_translated_to_the_study_line()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - sql: |
                  SELECT province, year,
                         gpd * 2 AS g2
                  FROM frame
                join: [province, year]
            """ + "\n" + Tables, out var path);
        Assert.Single(problems);
        Assert.StartsWith($"{path} line 3: DuckDB cannot run the query: Binder Error: Referenced column \"gpd\" not found in FROM clause!", problems[0]);
        Assert.Contains("\n    LINE 2 (study line 5):        gpd * 2 AS g2\n", problems[0]);
    }

    [Fact]
    public void A_query_result_must_hold_the_join_keys_once_each()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - sql: SELECT province, gdp * 2 AS g2 FROM frame
                join: [province, year]
              - sql: SELECT province, year, 1 AS one FROM frame UNION ALL SELECT '北京', 2004, 2
                join: [province, year]
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 4: join key 'year' is not a column of the query of line 3: every key must be in the query of line 3 and in the sources before it. Check the spelling or rename the column.",
        ], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - sql: SELECT province, year, 1 AS one FROM frame UNION ALL SELECT '北京', 2004, 2
                join: [province, year]
            """ + "\n" + Tables, out path);
        Assert.Equal([
            $"{path} line 3: the query of line 3 has 2 rows with key (province = 北京, year = 2004); a left join would duplicate rows of the data. Make the keys unique in the query of line 3 (aggregate it first) or join on more columns.",
        ], problems);
    }

    [Fact]
    public void Classification_mistakes_name_the_line_and_the_fix()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { classify: registy, text: business_scope, into: is_ai, keywords: [人工智能] }
              - { classify: registry, text: scope, into: is_ai, keywords: [人工智能] }
              - { classify: registry, text: founded, into: is_ai, keywords: [人工智能] }
              - { classify: registry, text: business_scope, into: province, keywords: [人工智能] }
              - { classify: registry, text: business_scope, into: "is ai", keywords: [人工智能] }
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 4: classify names table 'registy', which no source before it defines with 'as'. Did you mean 'registry'? Tables so far: registry.",
            $"{path} line 5: the keyword classification cannot run: table 'registry' has no column 'scope'. Its columns: firm_id, province, founded, business_scope.",
        ], problems.Take(2));
        // After the first failure on a table its later steps are skipped: fix one at a time, each named exactly.
        Assert.Equal(2, problems.Count);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { classify: registry, text: founded, into: is_ai, keywords: [人工智能] }
            """ + "\n" + Tables, out path);
        Assert.Equal([$"{path} line 4: the keyword classification cannot run: column 'founded' of table 'registry' is BIGINT, not text: keywords are searched in a text (VARCHAR) column."], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { classify: registry, text: business_scope, into: Province, keywords: [人工智能] }
            """ + "\n" + Tables, out path);
        Assert.Equal([$"{path} line 4: the keyword classification cannot run: table 'registry' already has a column 'Province': give the new column another name."], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { classify: registry, text: business_scope, into: "is ai", keywords: [] }
              - { classify: registry, text: business_scope, into: ai, keywords: [人工智能, ""] }
            """ + "\n" + Tables, out path);
        Assert.Equal([
            $"{path} line 4: 'keywords' is empty: list at least one keyword, e.g. keywords: [人工智能, 机器学习].",
            $"{path} line 5: an empty keyword would match every text: remove it.",
        ], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { classify: registry, text: business_scope, into: "is ai", keywords: [人工智能] }
            """ + "\n" + Tables, out path);
        Assert.Equal([$"{path} line 4: 'is ai' cannot be used as a column name ('into'): use letters, digits and '_', starting with a letter, and not an SQL keyword (select, from, table, ...), so that queries can name it."], problems);
    }

    [Fact]
    public void A_table_that_fails_to_load_is_reported_once_not_again_by_the_queries_over_it()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registri.csv.gz, as: registry }
              - { classify: registry, text: business_scope, into: is_ai, keywords: [人工智能] }
              - sql: SELECT province, year, count(*) AS n FROM registry GROUP BY ALL
                join: [province, year]
            """ + "\n" + Tables, out var path);
        Assert.Single(problems);
        Assert.StartsWith($"{path} line 3: the data cannot be read: File {Path.Combine(dir, "registri.csv.gz")} does not exist", problems[0]);
    }

    [Fact]
    public void Table_names_must_be_new_plain_identifiers()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { file: registry.csv.gz, as: registry }
              - { file: registry.csv.gz, as: frame }
              - { file: registry.csv.gz, as: select }
              - { file: registry.csv.gz, as: 企业 }
              - { file: registry.csv.gz, as: r2, join: [province] }
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 8: 'registry.csv.gz' is loaded as table 'r2' for the SQL steps, so it is not joined: remove 'join' (join the result of a query over 'r2' instead) or remove 'as'.",
        ], problems);
        problems = Problems(dir, """
            data:
              - file: provinces.csv
              - { file: registry.csv.gz, as: registry }
              - { file: registry.csv.gz, as: registry }
              - { file: registry.csv.gz, as: frame }
              - { file: registry.csv.gz, as: select }
              - { file: registry.csv.gz, as: 企业 }
            """ + "\n" + Tables, out path);
        string rule = "use letters, digits and '_', starting with a letter, and not an SQL keyword (select, from, table, ...), so that queries can name it.";
        Assert.Equal([
            $"{path} line 4: table name 'registry' is already used on line 3: choose another name.",
            $"{path} line 5: table name 'frame' is already the data assembled so far (queries read it as 'frame'): choose another name.",
            $"{path} line 6: 'select' cannot be used as a table name ('as'): {rule}",
            $"{path} line 7: '企业' cannot be used as a table name ('as'): {rule}",
        ], problems);
    }

    [Fact]
    public void Source_shapes_are_checked_when_the_file_is_read()
    {
        var (dir, _) = Folder(10);
        var problems = Problems(dir, """
            data:
              - { file: provinces.csv, sql: SELECT 1 }
              - { classify: registry, text: t }
              - { sql: SELECT 1, as: x }
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 2: a data source needs exactly one of 'file' (a data file), 'sql' (a DuckDB query) or 'classify' (a keyword classification).",
            $"{path} line 3: classify needs 'into'.",
            $"{path} line 3: classify needs 'keywords'.",
            $"{path} line 4: unknown key 'as' in a query source (sql). Allowed here: sql, join, synthetic.",
        ], problems);
        problems = Problems(dir, "data:\n  - { fil: provinces.csv }\n" + Tables, out path);
        Assert.Equal([
            $"{path} line 2: unknown key 'fil' in a data file source. Did you mean 'file'? Allowed here: file, sheet, na, join, as, synthetic.",
            $"{path} line 2: data needs 'file'.",
        ], problems);
        problems = Problems(dir, "data:\n  - { file: registry.csv.gz, as: registry }\n" + Tables, out path);
        Assert.Equal([$"{path} line 2: no data source gives the study's rows: add a file without 'as' ({{ file: a.csv }}) or a query ({{ sql: SELECT ... }}) before the sources that join to it."], problems);
    }
}
