using Panelwise.Data.Transforms;
using Panelwise.Data;
using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Synthetic-data marking (a <c>synthetic: true</c> source and the root list, propagated to variables and
/// index nodes), the provenance statement and table notes in every output, unit conversions and the data-handling
/// counts of checks.md.</summary>
public class StudyProvenanceTests
{
    private const string Real = "province,year,x,gdp\n北京,2001,1,100\n北京,2002,,200\n北京,2003,3,300\n山西,2001,10,1\n山西,2002,25,2\n山西,2003,30,3\n西藏,2001,,7\n西藏,2002,,8\n西藏,2003,,9\n";
    private const string Synthetic = "province,year,ai,trade\n北京,2001,2,5\n北京,2002,4,6\n北京,2003,5,9\n山西,2001,1,2\n山西,2002,3,1\n山西,2003,2,4\n西藏,2001,1,1\n西藏,2002,1,1\n西藏,2003,1,1\n";
    private const string Index = """
        name: idx
        method: entropy
        normalisation: { method: min_max, shift: 0.0001, reference: pooled }
        panel: { id: province, time: year }
        indicators:
          - { column: xi, direction: "+" }
          - { column: ai, direction: "+" }
        """;

    private static string Study(string yaml)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "real.csv"), Real);
        File.WriteAllText(Path.Combine(dir, "synthetic.csv"), Synthetic);
        File.WriteAllText(Path.Combine(dir, "idx.yaml"), Index);
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Design = """
        data:
          - { file: real.csv }
          - { file: synthetic.csv, join: [province, year], synthetic: true }
        panel: { id: province, time: year }
        synthetic: [gdp]
        variables:
          xi: { interpolate: x }
          lai: log(ai)
          gdp_yi: { convert: gdp, from: 万元, to: 亿元 }
          real_only: xi * 2
        indices:
          - { spec: idx.yaml, if: "province != '西藏'" }
        labels: { lai: 人工智能 }
        tables:
          - name: d
            descriptive: { variables: [xi, real_only], if: "province != '西藏'" }
          - name: r
            columns:
              - { formula: "xi ~ lai + trade | province" }
          - name: i
            descriptive: { variables: [idx] }
        """;

    [Fact]
    public void Synthetic_sources_and_the_root_list_propagate_to_variables_and_indices()
    {
        var plan = Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(Study(Design)));
        var p = plan.Provenance;
        Assert.True(p.Declared);
        Assert.Equal("synthetic source 'synthetic.csv'", p.Synthetic["ai"]);
        Assert.Equal("listed in 'synthetic'", p.Synthetic["gdp"]);
        Assert.Equal("from ai", p.Synthetic["lai"]);
        Assert.Equal("from gdp", p.Synthetic["gdp_yi"]);
        Assert.Equal("from ai", p.Synthetic["idx"]);
        Assert.False(p.IsSynthetic("province"));
        Assert.False(p.IsSynthetic("xi"));
        Assert.False(p.IsSynthetic("real_only"));
        Assert.Equal(["real_only", "xi"], p.RealUsed.Order(StringComparer.Ordinal));
        Assert.Equal(["idx", "lai", "trade"], p.SyntheticUsed.Order(StringComparer.Ordinal));
        Assert.Empty(plan.Tables[0].SyntheticVariables);
        Assert.Equal(["lai", "trade"], plan.Tables[1].SyntheticVariables);
        Assert.Equal(["idx"], plan.Tables[2].SyntheticVariables);
    }

    [Fact]
    public void Every_output_opens_with_the_statement_and_tables_with_synthetic_variables_say_so()
    {
        string output = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        StudyRunner.Run(Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(Study(Design))), output);
        string checks = File.ReadAllText(Path.Combine(output, "checks.md"));
        string[] lines = checks.Split('\n');
        Assert.Equal("# Checks", lines[0]);
        Assert.StartsWith("Real data (observed): ", lines[2]);
        Assert.Equal("Synthetic data (generated, not observed): lai (人工智能) (from ai); trade (synthetic source 'synthetic.csv'); idx (from ai).", lines[4]);
        Assert.StartsWith("Estimates involving synthetic variables illustrate the method, not findings", lines[6]);

        string report = File.ReadAllText(Path.Combine(output, "report.html"));
        int statement = report.IndexOf("<p class=\"preface\">Synthetic data (generated, not observed)", StringComparison.Ordinal);
        Assert.True(statement > 0 && statement < report.IndexOf("<section class=\"table\"", StringComparison.Ordinal));
        string json = File.ReadAllText(Path.Combine(output, "results.json"));
        Assert.Contains("\"provenance\": {", json);
        Assert.Contains("\"origin\": \"from ai\"", json);

        string note = "Synthetic variables in this table: lai (人工智能), trade. Estimates involving them illustrate the method, not findings.";
        Assert.Contains(note, File.ReadAllText(Path.Combine(output, "r.md")));
        Assert.Contains("Synthetic variables in this table: idx.", File.ReadAllText(Path.Combine(output, "i.md")));
        Assert.DoesNotContain("Synthetic variables in this table", File.ReadAllText(Path.Combine(output, "d.md")));
    }

    [Fact]
    public void Checks_count_interpolations_conversions_samples_and_index_years()
    {
        string output = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        var plan = Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(Study(Design)));
        var prepared = StudyData.Run(plan);
        // 北京 2002 filled; 西藏 has no x at all (3 values in 1 unit stay missing).
        var interpolation = Assert.IsType<InterpolationReport>(prepared.Steps[0]);
        Assert.Equal((1, 0, 0, 1, 3), (interpolation.Filled, interpolation.MissingBeforeFirst, interpolation.MissingAfterLast,
            interpolation.UnitsWithoutValues, interpolation.MissingInThoseUnits));
        var conversion = Assert.IsType<ConversionReport>(prepared.Steps[1]);
        Assert.Equal((9, 0, 10000.0), (conversion.Converted, conversion.Missing, conversion.Divisor));
        Assert.Equal([0.01, 0.02, 0.03, 0.0001, 0.0002, 0.0003, 0.0007, 0.0008, 0.0009], prepared.Frame.Numeric("gdp_yi").Values);
        var index = Assert.IsType<IndexReport>(prepared.Steps[2]);
        Assert.Equal((6, 3), (index.Rows, index.Excluded));
        Assert.Equal([("xi", 2001.0, 2003.0), ("ai", 2001.0, 2003.0)], index.Indicators.Select(i => (i.Column, i.FirstTime!.Value, i.LastTime!.Value)));
        var sample = Assert.IsType<SampleReport>(prepared.Steps[3]);
        Assert.Equal((9, 6, 2), (sample.Rows, sample.Kept, sample.UnitsKept));
        Assert.Equal(["西藏"], sample.UnitsExcluded);
        Assert.Equal(["index idx", "table d"], sample.UsedBy);

        StudyRunner.Run(plan, output);
        string checks = File.ReadAllText(Path.Combine(output, "checks.md"));
        Assert.Contains("- xi = interpolate(x): 1 missing value filled linearly in year within province; left missing, not extrapolated: 0 before a unit's first and 0 after its last present value, and 3 in 1 unit with no value.\n", checks);
        Assert.Contains("- gdp_yi = convert(gdp, 万元 -> 亿元): 9 values divided by 10000 (0 missing stay missing).\n", checks);
        Assert.Contains("- if \"province != '西藏'\" (index idx, table d): keeps 6 of 9 rows (3 excluded), 2 units, years 2001-2003; units excluded entirely: 西藏.\n", checks);
        Assert.Contains("- index idx: computed on 6 rows (if \"province != '西藏'\" excludes 3); its 2 indicators all have data in 2001-2003", checks);
    }

    [Fact]
    public void Unknown_units_unit_kinds_and_synthetic_names_are_reported_with_the_line()
    {
        string path = Study("""
            data: { file: real.csv }
            synthetic: [gpd]
            variables:
              a: { convert: gdp, from: 万圆, to: 亿元 }
              b: { convert: gdp, from: 万元, to: 万人 }
              c: { convert: gdp, from: 万元 }
            tables:
              - name: d
                descriptive: { variables: [x] }
            """);
        var problems = Assert.Throws<StudyException>(() => Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        Assert.Equal($"{path} line 6: convert variable 'c' needs 'to'.", Assert.Single(problems));
        File.WriteAllText(path, File.ReadAllText(path).Replace("  c: { convert: gdp, from: 万元 }\n", ""));
        problems = Assert.Throws<StudyException>(() => Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;
        Assert.Equal(3, problems.Count);
        Assert.StartsWith($"{path} line 4: unit '万圆' of convert variable 'a' is not in the units table.", problems[0]);
        Assert.Equal($"{path} line 5: convert variable 'b' goes from '万元' (yuan) to '万人' (persons): a conversion keeps the kind of quantity. Fix 'from' or 'to'.", problems[1]);
        Assert.StartsWith($"{path} line 2: 'synthetic' lists 'gpd', which is not a data column. Did you mean 'gdp'?", problems[2]);
    }

    [Fact]
    public void A_study_that_declares_nothing_synthetic_makes_no_claim()
    {
        string path = Study("data: { file: real.csv }\ntables:\n  - name: d\n    descriptive: { variables: [x] }\n");
        var plan = Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(path));
        Assert.False(plan.Provenance.Declared);
        string output = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        StudyRunner.Run(plan, output);
        Assert.DoesNotContain("Real data", File.ReadAllText(Path.Combine(output, "checks.md")));
        Assert.DoesNotContain("<p class=\"preface\">", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void Unit_factors_divide_by_a_whole_number_where_they_can()
    {
        Assert.Equal((1.0, 10000.0), MeasurementUnits.Factor("万元", "亿元"));
        Assert.Equal((10000.0, 1.0), MeasurementUnits.Factor("万人", "人"));
        Assert.Equal((1.0, 100.0), MeasurementUnits.Factor("%", "ratio"));
        Assert.Throws<UserInputException>(() => MeasurementUnits.Factor("元", "人"));
    }

    [Fact]
    public void A_query_that_reads_a_synthetic_table_is_synthetic_unless_it_says_otherwise()
    {
        string yaml = """
            data:
              - { file: real.csv }
              - { file: registry.csv, as: registry, synthetic: true }
              - sql: |
                  SELECT f.province, f.year, count(r.province) AS firms
                  FROM frame f LEFT JOIN registry r ON r.province = f.province AND r.founded <= f.year
                  GROUP BY f.province, f.year
                join: [province, year]
              - sql: SELECT province, year, x * 2 AS x2 FROM frame
                join: [province, year]
            panel: { id: province, time: year }
            tables:
              - name: d
                descriptive: { variables: [firms, x2] }
            """;
        string path = Study(yaml);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "registry.csv"), "province,founded\n北京,2000\n北京,2002\n山西,2003\n");
        var plan = Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(path));
        Assert.Equal("the query of line 4, which reads registry", plan.Provenance.Synthetic["firms"]);
        Assert.False(plan.Provenance.IsSynthetic("x2"));
        Assert.Equal(["firms"], plan.Provenance.SyntheticUsed);
        Assert.Equal(["x2"], plan.Provenance.RealUsed);

        File.WriteAllText(path, yaml.Replace("    join: [province, year]\n  - sql: SELECT", "    join: [province, year]\n    synthetic: false\n  - sql: SELECT"));
        plan = Panelwise.Study.StudyPlanner.Plan(StudyFileReader.Read(path));
        Assert.Empty(plan.Provenance.SyntheticUsed);
    }
}
