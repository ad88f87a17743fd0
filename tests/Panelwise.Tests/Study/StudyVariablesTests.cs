using Panelwise.Data;
using Panelwise.Data.Transforms;
using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>The variables transforms (winsor, interpolate, group, map) on tiny frames with hand-checked values, and
/// the data section's joins, whose errors must name the file and the first offending key.</summary>
public class StudyVariablesTests
{
    private const double NaN = double.NaN;

    private static Frame Frame(params Column[] columns) => new(columns);

    [Fact]
    public void Winsor_clamps_at_stata_pctile_cuts_over_all_present_rows()
    {
        // 10 present values 1..9, 100 (the missing row is ignored and stays missing); p = 0.1: n*p = 1 (whole) ->
        // (x1 + x2)/2 = 1.5; n*0.9 = 9 (whole) -> (x9 + x10)/2 = 54.5.
        var frame = Frame(new NumericColumn("v", [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, NaN]));
        var (column, note) = VariableTransforms.Winsor(frame, "vw", "v", 0.1);
        Assert.Equal([1.5, 2, 3, 4, 5, 6, 7, 8, 9, 54.5, NaN], column.Values);
        Assert.Equal("vw = winsor(v, p = 0.1): cut at 1.5 and 54.5 over 10 values; 1 low and 1 high values clamped", note.Text);
        Assert.Equal((NoteKind.Data, "winsor"), (note.Kind, note.Code));
    }

    [Fact]
    public void Interpolate_fills_interior_gaps_by_time_and_never_extrapolates()
    {
        // Unit A: 2001 missing (before its first value), 2002 = 2, 2003-2004 gaps, 2005 = 8 -> 4, 6.
        // Unit B: 2001 = 1, 2002 gap -> 2, 2003 = 3, 2004-2005 missing after its last value stay missing.
        // Rows are out of time order on purpose.
        var frame = Frame(
            CategoricalColumn.FromStrings("id", ["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"]),
            new NumericColumn("year", [2005, 2001, 2003, 2002, 2004, 2001, 2002, 2003, 2004, 2005]),
            new NumericColumn("x", [8, NaN, NaN, 2, NaN, 1, NaN, 3, NaN, NaN]));
        var result = VariableTransforms.Interpolate(frame, "xi", "x", "id", "year");
        Assert.Equal([8, NaN, 4, 2, 6, 1, 2, 3, NaN, NaN], result.Column.Values);
        Assert.Equal((3, 1, 2, 0, 0), (result.Filled, result.MissingBeforeFirst, result.MissingAfterLast, result.UnitsWithoutValues, result.MissingInThoseUnits));
        var report = new InterpolationReport("xi", "x", "id", "year", result.Filled, result.MissingBeforeFirst, result.MissingAfterLast,
            result.UnitsWithoutValues, result.MissingInThoseUnits);
        // A: 1 before its first value; B: 2 after its last value.
        Assert.Equal("xi = interpolate(x): 3 missing values filled linearly in year within id; left missing, not extrapolated: 1 before a unit's first and 2 after its last present value.", report.Describe());
    }

    [Fact]
    public void Interpolate_uses_the_time_distance_across_unequal_gaps()
    {
        // Times 1, 2, 5 with 2 missing: x(2) = 0 + (10 - 0) * (2 - 1) / (5 - 1) = 2.5.
        var frame = Frame(new NumericColumn("id", [1, 1, 1]), new NumericColumn("t", [1, 2, 5]), new NumericColumn("x", [0, NaN, 10]));
        Assert.Equal([0, 2.5, 10], VariableTransforms.Interpolate(frame, "xi", "x", "id", "t").Column.Values);
    }

    [Fact]
    public void Group_marks_the_top_share_pooled()
    {
        // 10 values 1..9, 100; p70: n*0.7 = 7 (whole) -> (x7 + x8)/2 = 7.5; 8, 9 and 100 are at or above it.
        var frame = Frame(new NumericColumn("v", [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, NaN]));
        var (column, note) = VariableTransforms.Group(frame, "high", "v", 30, null);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, NaN], column.Values);
        Assert.Equal("high = top 30% of v: 3 of 10 values set to 1 (at or above 7.5), the rest 0", note.Text);
    }

    [Fact]
    public void Group_by_year_cuts_within_each_year()
    {
        // 2001: 1, 2, 3, 4 -> p50 = (2 + 3)/2 = 2.5 -> 3 and 4; 2002: 10, 40, 20, 30 -> 25 -> 40 and 30.
        var frame = Frame(
            new NumericColumn("year", [2001, 2001, 2001, 2001, 2002, 2002, 2002, 2002]),
            new NumericColumn("v", [1, 2, 3, 4, 10, 40, 20, 30]));
        var (column, note) = VariableTransforms.Group(frame, "high", "v", 50, "year");
        Assert.Equal([0, 0, 1, 1, 0, 1, 0, 1], column.Values);
        Assert.Equal("high = top 50% of v: 4 of 8 values set to 1 (at or above the p50 of its year), the rest 0", note.Text);
    }

    [Fact]
    public void Map_groups_categories_and_counts_values_in_no_group()
    {
        var frame = Frame(CategoricalColumn.FromStrings("province", ["北京", "山西", "西藏", "上海", null]));
        var (column, note) = VariableTransforms.Map(frame, "region", "province",
            [("东部", ["北京", "上海"]), ("中部", ["山西"]), ("西部", ["四川"])]);
        Assert.Equal(["东部", "中部", "西部"], column.Levels);
        Assert.Equal([0, 1, -1, 0, -1], column.Codes);
        Assert.Equal("region = map(province): 3 of 5 values mapped to 3 groups; 1 distinct value in no group left missing: 西藏", note.Text);
    }

    private static string Folder(params (string Name, string Text)[] files)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    private const string Panel = "province,year,x\n北京,2001,1\n北京,2002,\n北京,2003,3\n山西,2001,10\n山西,2002,20\n山西,2003,30\n";

    private const string Tables = "tables:\n  - name: d\n    descriptive: { variables: [x] }\n";

    [Fact]
    public void A_study_joins_its_sources_and_adds_every_transform_with_a_note()
    {
        string dir = Folder(("a.csv", Panel), ("b.csv", "year,province,gdp\n2003,北京,300\n2001,北京,100\n2002,北京,200\n2001,山西,1\n2002,山西,2\n2003,山西,3\n2004,山西,4\n"));
        string study = TestStudy(dir, """
            data:
              - { file: a.csv }
              - { file: b.csv, join: [province, year] }
            panel: { id: province, time: year }
            variables:
              xi: { interpolate: x }
              xw: { winsor: xi, p: 0.2 }
              big: { group: gdp, top: 50, by: year }
              region: { map: province, values: { 东部: [北京, 上海], 中部: [山西] } }
              lx: log(xi)
            """ + "\n" + Tables);
        var plan = StudyPlanner.Plan(StudyFileReader.Read(study));
        var (frame, notes) = StudyData.Prepare(plan);
        Assert.Equal([100, 200, 300, 1, 2, 3], frame.Numeric("gdp").Values);
        Assert.Equal([1, 2, 3, 10, 20, 30], frame.Numeric("xi").Values);
        // 6 values: n*0.2 = 1.2 -> x(2) = 2; n*0.8 = 4.8 -> x(5) = 20.
        Assert.Equal([2, 2, 3, 10, 20, 20], frame.Numeric("xw").Values);
        Assert.Equal([1, 1, 1, 0, 0, 0], frame.Numeric("big").Values);
        Assert.Equal(["东部", "东部", "东部", "中部", "中部", "中部"], Enumerable.Range(0, 6).Select(((CategoricalColumn)frame["region"]).ValueAt));
        Assert.Equal([
            "xi = interpolate(x): 1 missing value filled linearly in year within province; left missing, not extrapolated: 0 before a unit's first and 0 after its last present value.",
            "xw = winsor(xi, p = 0.2): cut at 2 and 20 over 6 values; 1 low and 1 high values clamped",
            "big = top 50% of gdp: 3 of 6 values set to 1 (at or above the p50 of its year), the rest 0",
            "region = map(province): 6 of 6 values mapped to 2 groups",
        ], notes);
        Assert.Equal(2, plan.InputFiles.Count);
    }

    private static string TestStudy(string dir, string yaml)
    {
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static IReadOnlyList<string> Problems(string dir, string yaml, out string path)
    {
        string file = path = TestStudy(dir, yaml);
        return Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(file))).Problems;
    }

    [Fact]
    public void A_join_that_would_duplicate_rows_names_the_file_and_the_first_repeated_key()
    {
        string dir = Folder(("a.csv", Panel), ("b.csv", "province,year,gdp\n北京,2001,1\n北京,2002,2\n北京,2002,3\n北京,2003,4\n山西,2001,5\n山西,2002,6\n山西,2003,7\n"));
        var problems = Problems(dir, "data:\n  - { file: a.csv }\n  - { file: b.csv, join: [province, year] }\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 3: 'b.csv' has 2 rows with key (province = 北京, year = 2002); a left join would duplicate rows of the data. Make the keys unique in 'b.csv' (aggregate it first) or join on more columns.",
        ], problems);
    }

    [Fact]
    public void A_join_that_leaves_rows_unmatched_names_the_file_and_the_first_unmatched_key()
    {
        string dir = Folder(("a.csv", Panel), ("b.csv", "province,year,gdp\n北京,2001,1\n北京,2002,2\n北京,2003,4\n山西,2001,5\n"));
        var problems = Problems(dir, "data:\n  - { file: a.csv }\n  - { file: b.csv, join: [province, year] }\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 3: 2 of 6 rows of the data find no match in 'b.csv', the first with key (province = 山西, year = 2002); their new columns would silently be missing. Add the missing keys to 'b.csv' or check that the key values are written the same way in both files.",
        ], problems);
    }

    [Fact]
    public void Join_keys_are_required_after_the_first_source_only()
    {
        string dir = Folder(("a.csv", Panel));
        var problems = Problems(dir, "data:\n  - { file: a.csv, join: [year] }\n  - { file: a.csv }\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 2: 'a.csv' is the first data source, so it has nothing to join to: remove its 'join' (later sources name the keys they join on).",
            $"{path} line 3: data source 'a.csv' needs 'join: [KEY, ...]', the columns it is left-joined on (e.g. join: [province, year]).",
        ], problems);
    }

    [Fact]
    public void Join_keys_and_clashing_columns_are_checked()
    {
        string dir = Folder(("a.csv", Panel), ("b.csv", "prov,year,x\n北京,2001,1\n"));
        var problems = Problems(dir, "data:\n  - { file: a.csv }\n  - { file: b.csv, join: [province, year] }\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 3: join key 'province' is not a column of 'b.csv': every key must be in 'b.csv' and in the sources before it. Check the spelling or rename the column.",
            $"{path} line 3: column 'x' of 'b.csv' is already in the sources before it and is not a join key: add it to 'join' or drop it from one file.",
        ], problems);
    }

    [Fact]
    public void Transform_shape_mistakes_are_reported_together()
    {
        string dir = Folder(("a.csv", Panel));
        var problems = Problems(dir, """
            data: { file: a.csv }
            variables:
              pw: { winsor: x, top: 3 }
              both: { winsor: x, group: x, top: 10 }
              g: { group: x, top: 130 }
              r: { map: province }
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 3: 'top' does not apply to a winsor variable ('pw'): winsor takes p, group takes top and by, map takes values, convert takes from and to; remove it.",
            $"{path} line 4: variable 'both' needs exactly one of 'winsor', 'interpolate', 'group', 'map' or 'convert' (or write an expression: 'both: log(x)').",
            $"{path} line 5: top (a percentage) must be a number between 0 and 100, not '130'.",
            $"{path} line 6: map variable 'r' needs 'values'.",
        ], problems);
    }

    [Fact]
    public void Transform_data_mistakes_are_found_before_anything_runs()
    {
        string dir = Folder(("a.csv", Panel));
        var problems = Problems(dir, """
            data: { file: a.csv }
            variables:
              xi: { interpolate: x }
              pw: { winsor: province }
              g: { group: x, top: 30, by: yaer }
              r: { map: province, values: { 东部: [北京], 中部: [北京] } }
            """ + "\n" + Tables, out var path);
        Assert.Equal([
            $"{path} line 3: variable 'xi' interpolates within units over time: add 'panel: {{ id: UNIT, time: YEAR }}' to the study.",
            $"{path} line 4: winsor ('pw') needs numbers, but 'province' was read as text. Convert it under 'variables' or check the data for non-numeric entries.",
            $"{path} line 5: variable 'g' uses 'yaer', which is neither a data column nor a variable or index defined above. Did you mean 'year'? Define it under 'variables' or check the spelling.",
            $"{path} line 6: value '北京' of map variable 'r' is listed under both '东部' and '中部': keep it in one group.",
        ], problems);
    }
}
