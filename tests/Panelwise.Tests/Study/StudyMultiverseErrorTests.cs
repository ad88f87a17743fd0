using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>A <c>multiverse:</c> block that cannot run fails before anything is fitted, each problem a study error with
/// the line of the entry at fault; a specification that fails while fitting names the block's line and the table.</summary>
public class StudyMultiverseErrorTests
{
    private static string Write(string block)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(dir, "grunfeld.csv"));
        string path = Path.Combine(dir, "study.yaml");
        // Line 1 data, 2 panel, 3 labels, 4 tables, 5 name, 6 multiverse, 7 on: the block's entries.
        File.WriteAllText(path, "data: { file: grunfeld.csv }\npanel: { id: firm, time: year }\nlabels: { value: 市值, capital: 资本存量 }\n"
            + "tables:\n  - name: mv\n    multiverse:\n" + block);
        return path;
    }

    private static IReadOnlyList<string> Problems(string block, out string path)
    {
        path = Write(block);
        string file = path;
        return Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(file))).Problems;
    }

    [Fact]
    public void An_unknown_name_or_label_is_reported_at_its_choice()
    {
        var problems = Problems("      y: [inv]\n      x: [市值]\n      controls:\n        - none\n        - 资本存量 + 负债率\n", out var path);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path} line 11: the multiverse block of table 'mv' uses '负债率', which is neither a data column", problem);
    }

    [Fact]
    public void An_unknown_focal_term_used_by_every_specification_is_reported_once()
    {
        var problems = Problems("      y: [inv]\n      x: [nosuch]\n      controls: [none, capital]\n      fe: [none, firm]\n", out var path);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path} line 8: the multiverse block of table 'mv' uses 'nosuch'", problem);
    }

    [Theory]
    [InlineData("      y: [inv]\n      x: [value]\n      controls: []\n", 9, "the multiverse dimension 'controls' has no choice or a blank one")]
    [InlineData("      y: [inv]\n      x: \"\"\n", 8, "the multiverse dimension 'x' has no choice or a blank one")]
    [InlineData("      y: [inv]\n      x: [value, \"\"]\n", 8, "the multiverse dimension 'x' has no choice or a blank one")]
    [InlineData("      y: [inv]\n      x: [value, \"value \"]\n", 8, "the x choice 'value ' is listed twice")]
    public void An_empty_or_repeated_dimension_is_reported_at_its_line(string block, int line, string message)
    {
        var problem = Assert.Single(Problems(block, out var path));
        Assert.StartsWith($"{path} line {line}: {message}", problem);
    }

    [Fact]
    public void A_baseline_outside_the_product_is_reported_at_the_baseline()
    {
        var problem = Assert.Single(Problems("      y: [inv]\n      x: [value]\n      controls: [none, capital]\n      baseline: \"controls = capital + year\"\n", out var path));
        Assert.Equal($"{path} line 10: 'baseline': 'capital + year' is not a choice of controls; its choices are none; capital.", problem);
    }

    [Fact]
    public void An_excluded_baseline_is_reported_at_the_baseline()
    {
        var problem = Assert.Single(Problems(
            "      y: [inv]\n      x: [value]\n      controls: [none, capital]\n      exclude: [\"controls = capital\"]\n      baseline: \"controls = 资本存量\"\n", out var path));
        Assert.StartsWith($"{path} line 11: 'baseline': the baseline 'controls = capital' is excluded from the multiverse", problem);
    }

    [Fact]
    public void Each_bad_exclusion_is_reported_at_its_own_line()
    {
        var problems = Problems("      y: [inv]\n      x: [value]\n      fe: [none, firm]\n      exclude:\n        - \"fe = firm\"\n        - \"fe = year\"\n        - \"size = big\"\n", out var path);
        Assert.Equal([
            $"{path} line 12: 'exclude': 'year' is not a choice of fe; its choices are none; firm.",
            $"{path} line 13: 'exclude': 'size = big' is not a clause 'dimension = choice' (dimensions: y, x, iv, controls, fe, vcov, sample), e.g. 'x = l(x, 1) & fe = none'.",
        ], problems);
    }

    [Fact]
    public void Exclusions_that_remove_everything_are_reported_at_the_first_exclusion()
    {
        var problem = Assert.Single(Problems("      y: [inv]\n      x: [value]\n      fe: [none, firm]\n      exclude: [\"fe = none\", \"fe = firm\"]\n", out var path));
        Assert.Equal($"{path} line 10: The exclusions leave no specification of the multiverse; loosen 'exclude'.", problem);
    }

    [Fact]
    public void More_specifications_than_the_cap_are_refused_with_the_count()
    {
        // 2 outcomes x 50 control sets x 101 samples = 10,100 > 10,000.
        string samples = string.Join(", ", Enumerable.Range(0, 101).Select(k => $"\"inv > {k}\""));
        string controls = string.Join(", ", Enumerable.Range(1, 50).Select(k => $"\"log(capital + {k})\""));
        string block = $"      y: [inv, value]\n      x: [capital]\n      controls: [{controls}]\n      sample: [{samples}]\n";
        var problem = Assert.Single(Problems(block, out var path));
        Assert.Equal($"{path} line 7: the multiverse of table 'mv' has 10,100 specifications (2 x 1 x 50 x 1 x 1 x 101 choices); "
            + "a study block fits at most 10,000: drop choices or leave combinations out with 'exclude'.", problem);
        // Far beyond the cap, the product is refused without enumerating it.
        string many = string.Join(", ", Enumerable.Range(0, 1100).Select(k => $"\"inv > {k}\""));
        var huge = Assert.Single(Problems($"      y: [inv, value, capital]\n      x: [capital]\n      controls: [{controls}]\n"
            + $"      vcov: [iid, hc0, hc1, hc2, hc3, cluster:firm, cluster:year]\n      sample: [{many}]\n      exclude: [\"vcov = iid\"]\n", out _));
        Assert.Contains("has 1,155,000 specifications (3 x 1 x 50 x 1 x 7 x 1100 choices, before exclusions)", huge);
    }

    [Theory]
    [InlineData("      y: [inv]\n      x: [\"csw(value, capital)\"]\n", 8, "the x choice 'csw(value, capital)' must be plain terms")]
    [InlineData("      y: [inv]\n      x: [value]\n      controls: [\"capital | firm\"]\n", 9, "the controls choice 'capital | firm' must be plain terms")]
    [InlineData("      y: [inv]\n      x: [value]\n      vcov: [hc1, bogus]\n", 9, "")]
    [InlineData("      y: [inv]\n      x: [value]\n      sample: [all, \"year >\"]\n", 9, "the 'if' condition cannot be read")]
    [InlineData("      y: [inv]\n      x: [value]\n      sample: [all]\n      if: [all]\n", 10, "'if' is another name of 'sample'")]
    [InlineData("      y: [inv]\n      x: [value]\n      joint: -5\n", 9, "joint '-5' is not a number")]
    [InlineData("      y: [inv]\n      x: [value]\n      vcov: [cluster:frim]\n", 9, "the covariance uses 'frim'")]
    public void Other_bad_entries_are_reported_at_their_line(string block, int line, string message)
    {
        var problem = Assert.Single(Problems(block, out var path));
        Assert.StartsWith($"{path} line {line}: {message}", problem);
    }

    [Fact]
    public void A_table_named_like_the_specifications_file_is_refused()
    {
        string path = Write("      y: [inv]\n      x: [value]\n  - name: MV-specs\n    descriptive: { variables: [inv] }\n");
        var problem = Assert.Single(Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path))).Problems);
        Assert.Equal($"{path} line 9: table name 'MV-specs' would share MV-specs.xlsx with the table of specifications of multiverse table 'mv': choose another name.", problem);
    }

    [Fact]
    public void A_missing_y_or_x_is_reported_at_the_block()
    {
        var problems = Problems("      x: [value]\n", out var path);
        Assert.Equal([$"{path} line 7: a multiverse block needs 'y'."], problems);
    }

    [Fact]
    public void A_specification_that_cannot_be_fitted_names_the_table_and_block()
    {
        string path = Write("      y: [inv]\n      x: [value, year]\n      fe: [none, year]\n");
        var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
        var ex = Assert.Throws<StudyException>(() => StudyRunner.Run(plan, Path.Combine(Path.GetDirectoryName(path)!, "out")));
        Assert.StartsWith($"{path} line 7: table 'mv' (multiverse): Specification 4 (inv ~ year | year, vcov iid): the focal term 'year' has no estimate", ex.Problems.Single());
        Assert.EndsWith("leave the combination out with 'exclude'.", ex.Problems.Single());
    }
}
