using System.Text.Json;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.Study;
using Panelwise.Tests.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The data step pushed down: a firm registry on the project cluster (sharded on firm_id), classified by
/// keywords and aggregated to province-year counts on the engine, gives exactly the data, counts and fit of the same
/// study reading the registry from a local CSV, while only the aggregate's rows cross the wire; a query that also
/// reads a local table falls back to DuckDB with a report saying why; the engine's SQL errors are study errors with
/// the study line.</summary>
[Collection("postgres")]
public class EngineDataStepTests(PostgresCluster cluster)
{
    private const string EngineTable = "stepdown_registry";

    /// <summary>Chinese words (exact substrings), Latin words in any case, SQL punctuation and a quote.</summary>
    private const string Classify = """
          - classify: registry
            text: business_scope
            into: is_ai
            keywords: [人工智能, 机器学习, 语音识别, machine LEARNING, "50% off; DROP"]
            exclude: [不含人工智能, "IT'S A"]
          - { classify: registry, text: business_scope, into: is_ml, keywords: [Learning], exclude: [is_ai] }
        """;

    private const string Aggregate = """
          - sql: |
              SELECT province, founded AS year, sum(is_ai) AS ai_firms, count(*) AS firms, sum(is_ml * is_ai) AS both
              FROM registry
              GROUP BY province, founded
              ORDER BY province, year
        """;

    private const string Tables = """
        tables:
          - name: ai
            columns:
              - formula: "ai_firms ~ firms | province + year"
                vcov: hetero
        """;

    private readonly string _variable = "PANELWISE_STEPDOWN_DB_" + Environment.ProcessId;

    private string Folder(int firms)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        KeywordRegistry.Write(Path.Combine(dir, "registry.csv"), KeywordRegistry.Firms(firms));
        File.WriteAllText(Path.Combine(dir, "provinces.csv"), "province,region\n北京,north\n上海,east\n山西,north\n广东,south\n");
        var frame = DataReader.Read(Path.Combine(dir, "registry.csv"));
        EngineLoader.Load(frame, EngineSource.Parse(cluster.Url + "?table=" + EngineTable), "firm_id");
        Environment.SetEnvironmentVariable(_variable, cluster.Url.Replace("postgres@", "postgres:s3cret-pw@"));
        return dir;
    }

    private string Engine => $"  - {{ engine: {_variable}, table: {EngineTable}, as: registry }}\n";

    private static Panelwise.Study.Plan.StudyPlan Plan(string dir, string yaml, string name)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, yaml);
        return StudyPlanner.Plan(StudyFileReader.Read(path));
    }

    [Fact]
    public void Classify_and_aggregate_on_the_engine_give_the_local_data_counts_and_fit_and_fetch_only_the_aggregate()
    {
        string dir = Folder(3000);
        var local = Plan(dir, $"data:\n  - {{ file: registry.csv, as: registry }}\n{Classify}\n{Aggregate}\n{Tables}", "local.yaml");
        var pushed = Plan(dir, $"data:\n{Engine}{Classify}\n{Aggregate}\n{Tables}", "pushed.yaml");

        Assert.Equal(Csv(local.Data), Csv(pushed.Data));
        var localCounts = Assert.IsType<ClassificationReport>(local.DataSteps[0]).Counts;
        var pushedClassify = Assert.IsType<ClassificationReport>(pushed.DataSteps[0]);
        Assert.Equal(localCounts, pushedClassify.Counts);
        Assert.Equal(Assert.IsType<ClassificationReport>(local.DataSteps[1]).Counts, Assert.IsType<ClassificationReport>(pushed.DataSteps[1]).Counts);
        Assert.True(pushed.Data.Numeric("both").Values.Sum() > 0);
        Assert.Equal(_variable, pushedClassify.Engine);
        Assert.True(localCounts.Classified > 100 && localCounts.Excluded > 10 && localCounts.MissingText > 50, localCounts.ToString());

        // Only the 4 x 6 province-year rows crossed the wire, not the 3,000 firms.
        var transfer = Assert.IsType<EngineTransferReport>(pushed.DataSteps[2]);
        Assert.True(transfer.OnEngine);
        Assert.Equal(24, pushed.Data.RowCount);
        Assert.Equal(pushed.Data.RowCount, transfer.Rows);
        Assert.Equal(["registry"], transfer.Tables);
        // Per row: 7 bytes of framing, a length word per field, a 6-byte province, bigint year and counts, numeric sums.
        Assert.InRange(transfer.Bytes, 24 * (7 + 4 * 5 + 6 + 8 + 8 + 8 + 8), 24 * (7 + 4 * 5 + 6 + 8 + 8 + 8 + 8 + 8));
        Assert.Equal(3, pushed.DataSteps.Count);

        var localRun = Results(local, Path.Combine(dir, "out-local"));
        var pushedRun = Results(pushed, Path.Combine(dir, "out-pushed"));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "out-local", "data.csv")), File.ReadAllText(Path.Combine(dir, "out-pushed", "data.csv")));
        Assert.Equal(Estimates(localRun), Estimates(pushedRun));
        var step = pushedRun.GetProperty("data_handling").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "engine");
        Assert.Equal(24, step.GetProperty("rows_fetched").GetInt64());
        Assert.True(step.GetProperty("pushed_down").GetBoolean());
        Assert.Equal(_variable, step.GetProperty("engine").GetString());
        foreach (string file in Directory.EnumerateFiles(Path.Combine(dir, "out-pushed"), "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("s3cret", File.ReadAllText(file));
    }

    [Fact]
    public void A_query_that_also_reads_a_local_table_runs_locally_after_fetching_the_engine_table_and_says_why()
    {
        string dir = Folder(500);
        const string Regional = """
              - sql: |
                  SELECT p.region, r.founded AS year, sum(r.is_ai) AS ai_firms, count(*) AS firms
                  FROM registry r JOIN provinces p ON p.province = r.province
                  GROUP BY p.region, r.founded
                  ORDER BY region, year
            """;
        string provinces = "  - { file: provinces.csv, as: provinces }\n";
        var local = Plan(dir, $"data:\n  - {{ file: registry.csv, as: registry }}\n{provinces}{Classify}\n{Regional}\ntables: []\n", "local.yaml");
        var mixed = Plan(dir, $"data:\n{Engine}{provinces}{Classify}\n{Regional}\ntables: []\n", "mixed.yaml");
        Assert.Equal(Csv(local.Data), Csv(mixed.Data));
        var fetched = Assert.IsType<EngineTransferReport>(mixed.DataSteps[2]);
        Assert.False(fetched.OnEngine);
        Assert.Equal(500, fetched.Rows);
        Assert.Equal("the query of line 10 also reads provinces, so it runs in DuckDB", fetched.Reason);
        Assert.StartsWith($"table registry fetched from the engine (${_variable}) because the query of line 10 also reads provinces, so it runs in DuckDB: 500 rows (",
            fetched.Describe());
    }

    [Fact]
    public void The_engines_sql_error_is_a_study_error_naming_the_study_line()
    {
        string dir = Folder(50);
        string yaml = "data:\n" + Engine + """
              - sql: |
                  SELECT province,
                         count(*) FILTER (WHERE no_such_column = 1) AS n
                  FROM registry GROUP BY province
            tables: []
            """;
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        var problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        string problem = Assert.Single(problems);
        Assert.StartsWith($"{path} line 3: the engine (${_variable}) cannot run the query: column \"no_such_column\" does not exist.", problem);
        Assert.Contains("\n    LINE 2 (study line 5):        count(*) FILTER (WHERE no_such_column = 1) AS n\n", problem);
        Assert.DoesNotContain("Npgsql", problem);
        Assert.DoesNotContain("42703", problem);
        Assert.DoesNotContain("panelwise_", problem);
    }

    [Fact]
    public void The_engines_match_is_the_local_one_for_case_folds_wildcards_quotes_and_backslashes()
    {
        string[] texts =
        [
            "KELVIN", "\u212Aelvin", "ſtate", "STATE", "ΣΟΦΊΑ", "σοφία", "σοφίας", "İSTANBUL", "ıstanbul", "Istanbul", "50% off", "50x off",
            "a_b", "axb", "back\\slash", "backslash", "it's", "its", "ÉCOLE", "école", "ЖУРНАЛ", "журнал", "人工智能", "人工 智能",
        ];
        var ids = Enumerable.Range(1, texts.Length + 1).Select(i => (double)i).ToArray();
        var frame = new Frame([new NumericColumn("id", ids), CategoricalColumn.FromStrings("t", [.. texts, null])]);
        string[] keywords = ["kelvin", "state", "σοφία", "istanbul", "50% off", "a_b", "back\\slash", "it's", "école", "журнал", "人工智能"];
        var rule = new Panelwise.IO.Sql.KeywordRule("texts", "t", "hit", keywords) { Exclude = ["σοφίας"] };
        using var local = new Panelwise.IO.Sql.SqlSession();
        local.Register("texts", frame);
        var localCounts = local.Classify(rule);
        var expected = local.Query("SELECT id, hit FROM texts ORDER BY id");
        EngineLoader.Load(frame, EngineSource.Parse(cluster.Url + "?table=stepdown_texts"), null);
        var (classified, counts) = EngineRelation.Open(EngineSource.Parse(cluster.Url + "?table=stepdown_texts")).Classify(rule, local);
        var (fetched, transfer) = classified.Fetch("texts");
        Assert.Equal(localCounts, counts);
        Assert.Equal(texts.Length + 1, transfer.Rows);
        var order = Enumerable.Range(0, fetched.RowCount).OrderBy(i => fetched.Numeric("id").Values[i]).ToList();
        Assert.Equal(expected.Numeric("hit").Values, order.Select(i => fetched.Numeric("hit").Values[i]));
        // The folds simple lower-casing gets wrong are matched as DuckDB matches them.
        Assert.Equal([1.0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0], expected.Numeric("hit").Values);
    }

    [Fact]
    public void A_table_name_in_a_string_or_comment_does_not_keep_a_query_off_the_engine()
    {
        string dir = Folder(40);
        string yaml = "data:\n  - { file: provinces.csv, as: provinces }\n" + Engine + """
              - sql: |
                  -- provinces are joined later
                  SELECT province, count(*) AS firms, 'provinces' AS note /* not provinces */
                  FROM registry AS r WHERE r.province <> '"provinces"' GROUP BY province ORDER BY province
            tables: []
            """;
        var plan = Plan(dir, yaml, "study.yaml");
        var transfer = Assert.IsType<EngineTransferReport>(Assert.Single(plan.DataSteps));
        Assert.True(transfer.OnEngine);
        Assert.Equal(plan.Data.RowCount, transfer.Rows);
    }

    [Fact]
    public void Mistakes_with_engine_tables_are_study_errors_with_their_lines()
    {
        string dir = Folder(20);
        string yaml = $$"""
            data:
              - { file: provinces.csv }
              - { engine: {{_variable}}, table: {{EngineTable}}, as: registry }
              - { classify: registry, text: founded, into: is_ai, keywords: [人工智能] }
              - { classify: registry, text: scope, into: is_ai, keywords: [人工智能] }
              - { engine: PANELWISE_UNSET_VARIABLE_FOR_TESTS, table: x, as: other }
              - { engine: {{_variable}}, table: no_such_table, as: missing }
              - { engine: {{_variable}}, table: {{EngineTable}}, as: joined, join: [province] }
            tables: []
            """;
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        var problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        Assert.Equal([$"{path} line 8: 'the engine table {EngineTable}' is loaded as table 'joined' for the SQL steps, so it is not joined: remove 'join' (join the result of a query over 'joined' instead) or remove 'as'."],
            problems);
        File.WriteAllText(path, string.Join('\n', yaml.Split('\n').Where(l => !l.Contains("joined"))));
        problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        // As for a local table, the steps after a failed one on the same table are skipped (line 5 is not reported).
        Assert.Equal(3, problems.Count);
        Assert.Equal($"{path} line 4: the keyword classification cannot run: column 'founded' of table 'registry' is bigint, not text: keywords are searched in a text (VARCHAR) column.", problems[0]);
        Assert.Equal($"{path} line 6: the data cannot be read: the environment variable PANELWISE_UNSET_VARIABLE_FOR_TESTS must hold the engine's URL, postgresql://user:password@host:port/database, or duckdb:///path/warehouse.duckdb when the source has no 'as' (it is not set).", problems[1]);
        Assert.StartsWith($"{path} line 7: the data cannot be read: Cannot read postgresql://postgres@localhost:", problems[2]);
        Assert.EndsWith("?table=no_such_table: no such table (table \"no_such_table\" does not exist): check ?table= and the schema.", problems[2]);
        File.WriteAllText(path, string.Join('\n', yaml.Split('\n').Where(l => !l.Contains("joined") && !l.Contains("founded"))));
        problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        Assert.Equal($"{path} line 4: the keyword classification cannot run: table 'registry' has no column 'scope'. Its columns: firm_id, province, founded, business_scope.", problems[0]);
        Assert.DoesNotContain(problems, p => p.Contains("s3cret", StringComparison.Ordinal));
    }

    private static string Csv(Frame frame)
    {
        var text = new System.Text.StringBuilder(string.Join(",", frame.Columns.Select(c => c.Name))).Append('\n');
        for (int i = 0; i < frame.RowCount; i++)
            text.AppendJoin(",", frame.Columns.Select(c => c.IsMissing(i) ? "" : c is NumericColumn n
                ? n.Values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : ((CategoricalColumn)c).ValueAt(i))).Append('\n');
        return text.ToString();
    }

    private static JsonElement Results(Panelwise.Study.Plan.StudyPlan plan, string folder)
    {
        StudyRunner.Run(plan, folder);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement.Clone();
    }

    private static string Estimates(JsonElement results) => results.GetProperty("tables").GetRawText();
}
