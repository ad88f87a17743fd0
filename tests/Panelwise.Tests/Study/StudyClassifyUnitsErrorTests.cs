using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Every mistake in a <c>classify_units</c> variable is a study error with the file, the line and what to do:
/// found by the reader or the planner before any estimate, or (what only the data reveal) by the data step.</summary>
public class StudyClassifyUnitsErrorTests
{
    private static string Write(string variable, string tables = "")
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(ReferencePath.Of("oracle", "data", "produc.csv"), Path.Combine(dir, "produc.csv"));
        return StudyTestData.Study(dir, $"""
            data: {"{"} file: produc.csv {"}"}
            variables:
              {variable}
            tables:
              - name: t
                columns: [{"{"} formula: "gsp ~ pcap" {"}"}]
            {tables}
            """);
    }

    private static IReadOnlyList<string> Problems(string path) =>
        Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems;

    [Theory]
    [InlineData("cls: { classify_units: [pcap, nosuch], id: state }",
        "line 3: classify_units variable 'cls' uses 'nosuch', which is neither a data column nor a variable or index defined above.")]
    [InlineData("cls: { classify_units: [pcap, state], id: state }",
        "line 3: classify_units ('cls') needs numbers, but 'state' was read as text.")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, k: 60 }",
        "line 3: classify_units variable 'cls': cannot form 60 groups from the 48 units of 'state': set k between 1 and 48.")]
    [InlineData("cls: { classify_units: [pcap, hwy, water, util, emp, unemp, pc, gsp, log_gsp], id: region, pca: 2 }",
        "line 3: classify_units variable 'cls': principal components need more units than indicators; 'region' has 9 units for 9 indicators: drop indicators or remove pca.")]
    [InlineData("pcap: { classify_units: [hwy, water], id: state }",
        "line 3: variable 'pcap' already exists (a data column or an earlier variable): choose another name.")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, k: 2, labels: [a, b, c] }",
        "line 3: classify_units variable 'cls': give 2 labels, one per group (k = 2), lowest group first; got 3.")]
    [InlineData("cls: { classify_units: [pcap, pcap], id: state }",
        "line 3: classify_units variable 'cls': indicator 'pcap' is listed twice: list each indicator once.")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, groups: 3 }",
        "line 3: unknown key 'groups' in classify_units variable 'cls'.")]
    [InlineData("cls: { classify_units: [pcap, hwy] }",
        "line 3: ")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, method: median }",
        "line 3: 'median' is not a valid method. Use one of: kmeans, k-means, ward.")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, pca: some }",
        "line 3: 'pca' must be auto (components with eigenvalue > 1) or a number of components (1, 2, ...).")]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, compare_with: [regoin] }",
        "line 3: classify_units variable 'cls' uses 'regoin'")]
    [InlineData("cls: { group: [pcap, hwy], id: state, k: 3 }",
        "line 3: variable 'cls': 'group' marks the top share of one column ({ group: x, top: 30 }); to group units by indicators as 'panelwise group' does, write { classify_units: [a, b, c], id: unit, k: 3 }.")]
    public void Planning_names_the_line_and_the_fix(string variable, string expected)
    {
        string path = Write(variable);
        var problems = Problems(path);
        Assert.True(problems.Any(p => p.StartsWith($"{path} {expected}", StringComparison.Ordinal)), string.Join("\n", problems));
    }

    [Fact]
    public void A_study_table_named_like_its_tables_is_refused()
    {
        string path = Write("cls: { classify_units: [pcap, hwy], id: state, compare_with: region }",
            "  - name: cls_vs_region\n    columns: [{ formula: \"gsp ~ hwy\" }]");
        var problems = Problems(path);
        Assert.True(problems.Contains($"{path} line 7: classify_units variable 'cls': its tables are named cls_factors, cls_groups, cls_vs_region: rename the table 'cls_vs_region'."),
            string.Join("\n", problems));
    }

    [Theory]
    [InlineData("cls: { classify_units: [pcap, hwy], id: state, compare_with: year }",
        "line 3: classify_units variable 'cls': 'year' takes more than one value within unit ALABAMA (1970, 1971): compare the groups with a classification of the units, one value per unit.")]
    [InlineData("gap: sqrt(-hwy)\n  cls: { classify_units: [pcap, gap], id: state }",
        "line 4: classify_units variable 'cls': Indicator 'gap' has no values for unit ALABAMA: fill it or leave the unit out.")]
    public void Problems_only_the_data_reveal_are_reported_by_the_data_step_with_the_line(string variable, string expected)
    {
        string path = Write(variable);
        var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
        var ex = Assert.Throws<StudyException>(() => StudyRunner.Run(plan, Path.Combine(Path.GetDirectoryName(path)!, "out")));
        Assert.Equal([$"{path} {expected}"], ex.Problems);
    }
}
