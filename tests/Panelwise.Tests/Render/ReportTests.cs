using System.Text.RegularExpressions;
using Panelwise.Render.Report;
using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>report.html and the plots of a study run: every table title in the report, every figure referenced and
/// written, identical files on a rerun; and the <c>plots:</c> section is checked like the rest of the study.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pw-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Run(string name)
    {
        string study = RepositoryPath.Of("examples", "grunfeld-study", "study.yaml");
        string outDir = Path.Combine(_dir, name);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), outDir);
        return outDir;
    }

    [Fact]
    public void Study_run_writes_plots_and_a_report_with_every_table_and_figure_identically_twice()
    {
        string first = Run("a"), second = Run("b");
        string[] plots = ["baseline-coefficients.png", "baseline-coefficients.svg", "trend.png", "trend.svg"];
        Assert.Equal(plots, Directory.GetFiles(Path.Combine(first, "plots")).Select(Path.GetFileName).Order());
        string report = File.ReadAllText(Path.Combine(first, "report.html"));
        Assert.Contains("<h1>Grunfeld investment study</h1>", report);
        foreach (var title in new[] { "Table 1: Descriptive statistics", "Table 2: Correlations", "Table 3: Baseline regressions (stepwise controls)" })
            Assert.Contains($"<caption>{title}</caption>", report);
        Assert.Contains("<img src=\"plots/baseline-coefficients.png\"", report);
        Assert.Contains("<a href=\"plots/baseline-coefficients.svg\">", report);
        Assert.Contains("<img src=\"plots/trend.png\"", report);
        Assert.Contains("<a href=\"plots/trend.svg\">", report);
        Assert.Contains("年度均值 (Means by year)", report);
        Assert.Contains("资本/市值", report);
        foreach (var src in Regex.Matches(report, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            Assert.True(File.Exists(Path.Combine(first, src)), $"report.html references {src}, which was not written");

        string trend = File.ReadAllText(Path.Combine(first, "plots", "trend.svg"));
        Assert.Contains("年度均值 (Means by year)", trend);
        Assert.Equal(3 * 20 + 3, Regex.Matches(trend, "<ellipse ").Count);
        // Controls (ln_capital, capital_ratio) are summarised in the table and left out of the plot, as the table does.
        string coefficients = File.ReadAllText(Path.Combine(first, "plots", "baseline-coefficients.svg"));
        Assert.Contains("ln(Market value)", coefficients);
        Assert.DoesNotContain("资本/市值", coefficients);
        Assert.Equal(5 + 5, Regex.Matches(coefficients, "<ellipse ").Count);

        foreach (var file in plots.Select(p => Path.Combine("plots", p)).Append("report.html"))
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between runs");
    }

    [Fact]
    public void Report_writer_escapes_markup_and_lists_notes()
    {
        string html = ReportWriter.Write(new ReportContent
        {
            Title = "研究 <A&B>",
            Tables = [SampleTables.HandBuilt()],
            Figures = [new ReportFigure("图 1", "plots/x.png", "plots/x.svg")],
            Notes = ["注: 1 < 2"],
        });
        Assert.Contains("<title>研究 &lt;A&amp;B&gt;</title>", html);
        Assert.Contains("<caption>表 2: Baseline &amp; robustness</caption>", html);
        Assert.Contains("<figcaption>Figure 1: 图 1 (<a href=\"plots/x.svg\">SVG</a>)</figcaption>", html);
        Assert.Contains("<li>注: 1 &lt; 2</li>", html);
    }

    [Fact]
    public void Plots_section_is_checked_before_estimation()
    {
        string dir = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(dir);
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(dir, "grunfeld.csv"));
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, """
            data: { file: grunfeld.csv }
            tables:
              - name: t
                columns:
                  - formula: "inv ~ value"
            plots:
              trend: [invv]
              title: x
            """);
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Single(ex.Problems, p => p.StartsWith($"{path} line 8: unknown key 'title' in plots.", StringComparison.Ordinal));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n  title: x", ""));
        ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Contains(ex.Problems, p => p.StartsWith($"{path} line 7: the trend plot uses 'invv'", StringComparison.Ordinal) && p.Contains("Did you mean 'inv'?"));
        File.WriteAllText(path, File.ReadAllText(path).Replace("[invv]", "[firm_name]").Replace("plots:", "panel: { id: firm, time: year }\nplots:"));
        File.WriteAllText(Path.Combine(dir, "grunfeld.csv"), string.Join("\n", File.ReadAllLines(Path.Combine(dir, "grunfeld.csv"))
            .Select((line, i) => line + (i == 0 ? ",firm_name" : $",f{i % 10}"))) + "\n");
        var text = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal([$"{path} line 8: the trend plot needs numbers, but 'firm_name' was read as text. Convert it under 'variables' or check the data for non-numeric entries."], text.Problems);
        Assert.Contains($"{path} line 7: the trend plot averages by the panel's time: add 'panel: {{ id: UNIT, time: YEAR }}' to the study or drop 'trend'.", ex.Problems);
    }
}
