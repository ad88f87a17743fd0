using System.Text;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Sql;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>The DuckDB data step through its typed API: keyword classification against a plain C# count of the same
/// rule, keywords that would break naive SQL, frames in and results out (types, NULL as NaN, Chinese text), files
/// (CSV.gz, GB18030 CSV) and every error a caller can cause.</summary>
public class SqlSessionTests
{
    private static readonly string[] AiKeywords = ["人工智能", "语音识别", "图像识别", "机器学习", "Machine Learning"];
    private static readonly string[] AiExclusions = ["不含人工智能"];

    private static Frame Registry(IReadOnlyList<KeywordRegistry.Firm> firms) => new([
        new NumericColumn("firm_id", firms.Select(f => (double)f.Id).ToArray()),
        CategoricalColumn.FromStrings("province", firms.Select(f => f.Province).ToList()),
        new NumericColumn("founded", firms.Select(f => (double)f.Founded).ToArray()),
        CategoricalColumn.FromStrings("business_scope", firms.Select(f => f.Scope).ToList()),
    ]);

    [Fact]
    public void Classification_equals_a_plain_count_of_the_same_rule()
    {
        var firms = KeywordRegistry.Firms(3000);
        using var sql = new SqlSession();
        sql.Register("registry", Registry(firms));
        var counts = sql.Classify(new KeywordRule("registry", "business_scope", "is_ai", AiKeywords) { Exclude = AiExclusions });
        var result = sql.Query("SELECT firm_id, is_ai FROM registry ORDER BY firm_id");
        var expected = firms.Select(f => (double)KeywordRegistry.Expected(f.Scope, AiKeywords, AiExclusions)).ToArray();
        Assert.Equal(expected, result.Numeric("is_ai").Values);
        long excluded = firms.Count(f => KeywordRegistry.Expected(f.Scope, AiKeywords, []) == 1 && KeywordRegistry.Expected(f.Scope, AiExclusions, []) == 1);
        Assert.Equal(new KeywordCounts(3000, (long)expected.Sum(), excluded, firms.Count(f => f.Scope is null)), counts);
        // The rule must bite in every direction on this data, or the comparison proves little.
        Assert.InRange(counts.Classified, 500, 2500);
        Assert.InRange(counts.Excluded, 50, 1000);
        Assert.True(counts.MissingText > 50);
        Assert.Equal("INTEGER", sql.Columns("registry").Single(c => c.Name == "is_ai").Type);
    }

    [Fact]
    public void Latin_keywords_ignore_case_and_a_phrase_split_by_a_space_does_not_match()
    {
        using var sql = new SqlSession();
        sql.Register("t", new Frame([CategoricalColumn.FromStrings("s", ["MACHINE learning", "machine-learning", "人工 智能", "人工智能", "AI lab"])]));
        sql.Classify(new KeywordRule("t", "s", "hit", ["machine LEARNING", "人工智能", "ai"]));
        Assert.Equal([1, 0, 0, 1, 1], sql.Query("SELECT hit FROM t").Numeric("hit").Values);
    }

    [Fact]
    public void Keywords_with_quotes_and_sql_punctuation_are_matched_literally()
    {
        using var sql = new SqlSession();
        sql.Register("t", new Frame([CategoricalColumn.FromStrings("s", ["it's a shop", "its a shop", "50% off; DROP TABLE t; --", "100 off"])]));
        var counts = sql.Classify(new KeywordRule("t", "s", "hit", ["it's", "% off; DROP TABLE t; --"]) { Exclude = ["'\""] });
        Assert.Equal([1, 0, 1, 0], sql.Query("SELECT hit FROM t").Numeric("hit").Values);
        Assert.Equal(new KeywordCounts(4, 2, 0, 0), counts);
        Assert.Equal(["t"], sql.Tables());
    }

    [Fact]
    public void Latin_keywords_with_regex_characters_match_only_themselves()
    {
        using var sql = new SqlSession();
        sql.Register("t", new Frame([CategoricalColumn.FromStrings("s", ["C++ dev", "Cxx dev", "A.B 公司", "AxB 公司", @"path\d", "5", "(AI)", "AI"])]));
        var counts = sql.Classify(new KeywordRule("t", "s", "hit", ["c++", "a.b", @"\D", "(ai)"]));
        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0], sql.Query("SELECT hit FROM t").Numeric("hit").Values);
        Assert.Equal(4, counts.Classified);
    }

    [Fact]
    public void An_exclusion_vetoes_a_match_and_missing_texts_are_zero()
    {
        using var sql = new SqlSession();
        sql.Register("t", new Frame([CategoricalColumn.FromStrings("s", ["人工智能", "不含人工智能", null, "销售"])]));
        var counts = sql.Classify(new KeywordRule("t", "s", "ai", ["人工智能"]) { Exclude = ["不含人工智能"] });
        Assert.Equal([1, 0, 0, 0], sql.Query("SELECT ai FROM t").Numeric("ai").Values);
        Assert.Equal(new KeywordCounts(4, 1, 1, 1), counts);
    }

    [Fact]
    public void Results_map_numbers_booleans_dates_and_nulls()
    {
        using var sql = new SqlSession();
        var frame = sql.Query("""
            SELECT * FROM (VALUES
              (1::INTEGER, 2.25::DECIMAL(6,2), true, DATE '2015-03-01', 'x', 5::HUGEINT, 7::UTINYINT, 1.5::FLOAT),
              (NULL, NULL, false, NULL, NULL, NULL, NULL, NULL))
              AS v(i, d, b, day, s, h, u, f)
            """);
        Assert.Equal([1, double.NaN], frame.Numeric("i").Values);
        Assert.Equal([2.25, double.NaN], frame.Numeric("d").Values);
        Assert.Equal([1, 0], frame.Numeric("b").Values);
        Assert.Equal(["2015-03-01", Missing], Texts(frame, "day"));
        Assert.Equal(["x", Missing], Texts(frame, "s"));
        Assert.Equal([5, double.NaN], frame.Numeric("h").Values);
        Assert.Equal([7, double.NaN], frame.Numeric("u").Values);
        Assert.Equal([1.5, double.NaN], frame.Numeric("f").Values);
    }

    [Fact]
    public void A_frame_goes_in_and_comes_back_with_chinese_names_and_text_intact()
    {
        var frame = new Frame([
            CategoricalColumn.FromStrings("省份", ["北京", "山西", null, "广东"]),
            new NumericColumn("year", [2001, 2002, 2003, double.NaN]),
            new NumericColumn("x", [0.5, double.NaN, 2, 3]),
        ]);
        using var sql = new SqlSession();
        sql.Register("frame", frame);
        Assert.Equal([("省份", "VARCHAR"), ("year", "BIGINT"), ("x", "DOUBLE")], sql.Columns("frame"));
        var back = sql.Query("SELECT * FROM frame");
        Assert.Equal(["北京", "山西", Missing, "广东"], Texts(back, "省份"));
        Assert.Equal(frame.Numeric("year").Values, back.Numeric("year").Values);
        Assert.Equal(frame.Numeric("x").Values, back.Numeric("x").Values);
        Assert.Equal(2, sql.Query("SELECT count(*) AS n FROM frame WHERE 省份 IN ('北京', '广东')").Numeric("n").Values[0]);
    }

    [Fact]
    public void Compressed_csv_and_gb18030_csv_load_as_tables()
    {
        using var files = new TempFiles();
        var firms = KeywordRegistry.Firms(200);
        KeywordRegistry.Write(files.PathOf("registry.csv.gz"), firms);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string gb = files.Write("gb.csv", "province,n\n北京,1\n山西,2\n", Encoding.GetEncoding("gb18030"));
        using var sql = new SqlSession();
        sql.Load("registry", files.PathOf("registry.csv.gz"));
        sql.Load("gb", gb);
        Assert.Equal(["firm_id", "province", "founded", "business_scope"], sql.Columns("registry").Select(c => c.Name));
        var scopes = sql.Query("SELECT business_scope FROM registry ORDER BY firm_id");
        Assert.Equal(firms.Select(f => f.Scope ?? Missing), Texts(scopes, "business_scope"));
        Assert.Equal(["北京", "山西"], Texts(sql.Query("SELECT province FROM gb ORDER BY n"), "province"));
    }

    [Fact]
    public void Parquet_is_read_by_duckdb_and_xlsx_through_panelwise_with_its_sheet_and_na()
    {
        using var files = new TempFiles();
        using var sql = new SqlSession();
        sql.Execute($"COPY (SELECT * FROM (VALUES ('北京', 2001, 1.5), ('山西', 2002, NULL)) v(province, year, x)) TO {SqlName.Literal(files.PathOf("p.parquet"))} (FORMAT parquet)");
        sql.Load("p", files.PathOf("p.parquet"));
        Assert.Equal([("province", "VARCHAR"), ("year", "INTEGER"), ("x", "DECIMAL(2,1)")], sql.Columns("p"));
        MiniExcelLibs.MiniExcel.SaveAs(files.PathOf("book.xlsx"), new Dictionary<string, object>
        {
            ["first"] = new[] { new Dictionary<string, object> { ["A"] = "z" }, new Dictionary<string, object> { ["A"] = 1 } },
            ["second"] = new[]
            {
                new Dictionary<string, object> { ["A"] = "province", ["B"] = "gdp" },
                new Dictionary<string, object> { ["A"] = "北京", ["B"] = 2.5 },
                new Dictionary<string, object> { ["A"] = "山西", ["B"] = "无" },
            },
        }, printHeader: false);
        sql.Load("book", files.PathOf("book.xlsx"), new ReadOptions { Sheet = "second", NaStrings = [.. ReadOptions.DefaultNaStrings, "无"] });
        var joined = sql.Query("SELECT p.year, p.x, b.gdp FROM p JOIN book b USING (province) ORDER BY p.year");
        Assert.Equal([2001, 2002], joined.Numeric("year").Values);
        Assert.Equal([1.5, double.NaN], joined.Numeric("x").Values);
        Assert.Equal([2.5, double.NaN], joined.Numeric("gdp").Values);
        var missing = Assert.Throws<DataException>(() => sql.Load("none", files.PathOf("none.csv.gz")));
        Assert.StartsWith($"File {files.PathOf("none.csv.gz")} does not exist", missing.Message);
    }

    [Fact]
    public void Several_statements_give_the_last_result_and_na_strings_are_null_in_csv_tables()
    {
        using var files = new TempFiles();
        string csv = files.Write("r.csv", "id,x\n1,无\n2,3.5\n3,NA\n");
        using var sql = new SqlSession();
        sql.Load("r", csv, new ReadOptions { NaStrings = [.. ReadOptions.DefaultNaStrings, "无"] });
        Assert.Equal([("id", "BIGINT"), ("x", "DOUBLE")], sql.Columns("r"));
        var frame = sql.Query("CREATE TEMP TABLE doubled AS SELECT id, 2 * x AS x2 FROM r; SELECT * FROM doubled ORDER BY id");
        Assert.Equal([double.NaN, 7, double.NaN], frame.Numeric("x2").Values);
    }

    [Fact]
    public void Queries_that_duckdb_rejects_carry_its_message()
    {
        using var sql = new SqlSession();
        var syntax = Assert.Throws<SqlException>(() => sql.Query("SELEC 1"));
        Assert.StartsWith("Parser Error: syntax error at or near \"SELEC\"", syntax.Message);
        var catalog = Assert.Throws<SqlException>(() => sql.Query("SELECT * FROM nowhere"));
        Assert.StartsWith("Catalog Error: Table with name nowhere does not exist!", catalog.Message);
        var type = Assert.Throws<SqlException>(() => sql.Query("SELECT [1, 2] AS xs"));
        Assert.Equal("result column 'xs' is of type LIST, which a data frame cannot hold: cast it in the query (e.g. CAST(xs AS VARCHAR) or a number).", type.Message);
    }

    [Fact]
    public void Classification_mistakes_are_named()
    {
        using var sql = new SqlSession();
        sql.Register("t", new Frame([CategoricalColumn.FromStrings("scope", ["a"]), new NumericColumn("n", [1])]));
        Assert.Equal("there is no table 'tt'. Did you mean 't'? Tables so far: t.",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("tt", "scope", "k", ["a"]))).Message);
        Assert.Equal("table 't' has no column 'scop'. Did you mean 'scope'? Its columns: scope, n.",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("t", "scop", "k", ["a"]))).Message);
        Assert.Equal("column 'n' of table 't' is BIGINT, not text: keywords are searched in a text (VARCHAR) column.",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("t", "n", "k", ["a"]))).Message);
        Assert.Equal("table 't' already has a column 'N': give the new column another name.",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("t", "scope", "N", ["a"]))).Message);
        Assert.StartsWith("a keyword classification needs at least one keyword",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("t", "scope", "k", []))).Message);
        Assert.Equal("an empty keyword in 'exclude' would match every text: remove it.",
            Assert.Throws<SqlException>(() => sql.Classify(new KeywordRule("t", "scope", "k", ["a"]) { Exclude = [""] })).Message);
    }

    [Fact]
    public void Table_names_must_be_plain_identifiers_and_not_keywords()
    {
        using var sql = new SqlSession();
        Assert.True(sql.IsUsableName("registry_2020"));
        Assert.False(sql.IsUsableName("select"));
        Assert.False(sql.IsUsableName("2020registry"));
        Assert.False(sql.IsUsableName("my table"));
        Assert.False(sql.IsUsableName("企业"));
    }

    /// <summary>The column's texts, a missing value shown as "(missing)".</summary>
    private static string[] Texts(Frame frame, string name)
    {
        var column = (CategoricalColumn)frame[name];
        return Enumerable.Range(0, column.Length).Select(i => column.ValueAt(i) ?? Missing).ToArray();
    }

    private const string Missing = "(missing)";
}
