using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Methods.Mediation;
using Panelwise.Render.Tables;
using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Study;

/// <summary>A <c>mediate:</c> table runs the library's mediation and shows its Baron-Kenny columns and Sobel row;
/// a bad name in the block fails before estimation with file, line and hint.</summary>
public class StudyMediationTests
{
    private const string Block = """
        data: { file: produc.csv }
        panel: { id: state, time: year }
        tables:
          - name: mechanism
            title: Mediation
            mediate:
              y: log_gsp
              x: log_pcap
              m: [MEDIATOR]
              controls: "unemp"
              fe: "state + year"
              vcov: "cluster:state"
              bootstrap: 50
              seed: 1
        """;

    private static string WriteStudy(string mediator)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.Copy(ReferencePath.Of("oracle", "data", "produc.csv"), Path.Combine(dir, "produc.csv"));
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, Block.Replace("MEDIATOR", mediator));
        return path;
    }

    [Fact]
    public void Mediation_table_shows_the_sobel_test_the_library_computes()
    {
        string path = WriteStudy("log_emp");
        var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
        Assert.Equal([1L], plan.Seeds);
        string output = Path.Combine(Path.GetDirectoryName(path)!, "out");
        StudyRunner.Run(plan, output);

        var spec = new MediationSpec
        {
            Outcome = "log_gsp", Treatment = "log_pcap", Mediators = ["log_emp"], Controls = "unemp",
            FixedEffects = "state + year", BootstrapReps = 50, Seed = 1,
        };
        var options = new FitOptions { Panel = ("state", "year"), Vcov = VcovSpec.Parse("cluster:state") };
        var direct = MediationAnalysis.Run(DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv")), spec, options).Each[0];
        // A p-value below 0.001 prints as "<0.001" (escaped in Markdown).
        string sobel = $"{NumberText(direct.Sobel.Z)} ({(direct.Sobel.PValue < 0.001 ? "\\<0.001" : NumberText(direct.Sobel.PValue))})";

        string markdown = File.ReadAllText(Path.Combine(output, "mechanism.md"));
        Assert.Contains("Total effect", markdown);
        Assert.Contains("X → M", markdown);
        Assert.Contains("Y ~ X + M", markdown);
        var sobelLine = markdown.Split('\n').Single(l => l.Contains("Sobel z (p)"));
        Assert.Contains(sobel, sobelLine);
        Assert.Contains(markdown.Split('\n'), l => l.Contains("Bootstrap 95% CI") && l.Contains($"[{NumberText(direct.Bootstrap!.Low)}, {NumberText(direct.Bootstrap.High)}]"));
        Assert.Contains(markdown.Split('\n'), l => l.Contains("Mediation share") && l.Contains(NumberText(direct.Share)));
        Assert.Contains("seeds: 1;", markdown);
    }

    [Fact]
    public void Unknown_mediator_is_reported_before_estimation()
    {
        string path = WriteStudy("log_empp");
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal([
            $"{path} line 9: the mediate block of table 'mechanism' uses 'log_empp', which is neither a data column nor a variable or index defined above. Did you mean 'log_emp'? Define it under 'variables' or check the spelling.",
        ], ex.Problems);
    }

    [Fact]
    public void Mediate_block_without_mediators_is_reported()
    {
        string path = WriteStudy("log_emp");
        File.WriteAllText(path, File.ReadAllText(path).Replace("      m: [log_emp]\n", ""));
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal([$"{path} line 7: a mediate block needs 'm'."], ex.Problems);
    }

    private static string NumberText(double value) => value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
}
