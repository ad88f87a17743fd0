using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Study;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Study;

/// <summary>IV columns of a study under kernel covariances (vcov: nw / dk with the study's panel) and the column option
/// <c>small: false</c> (--no-small): the table holds the same standard errors as the library fit, and its notes say
/// which conventions were used.</summary>
public class StudyKernelIvTests
{
    private const string Yaml = """
        data: { file: panel.csv }
        panel: { id: unit, time: year }
        tables:
          - name: hac
            columns:
              - formula: "y ~ w | unit | x ~ z + z2"
                vcov: nw:1
                estimator: gmm
              - formula: "y ~ w | unit | x ~ z + z2"
                vcov: dk:1
                small: false
        """;

    [Fact]
    public void Kernel_iv_columns_run_and_state_their_conventions()
    {
        string folder = StudyTestData.Folder(60, 5, strength: 1.0);
        string study = StudyTestData.Study(folder, Yaml);
        string output = Path.Combine(folder, "out-" + Guid.NewGuid().ToString("N"));
        var outcome = StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output);
        Assert.NotNull(outcome);
        string md = File.ReadAllText(Path.Combine(output, "hac.md"));
        var frame = DataReader.Read(Path.Combine(folder, "panel.csv"));
        var gmm = Regression.Fit(frame, "y ~ w | unit | x ~ z + z2", new FitOptions
        {
            Panel = ("unit", "year"), Vcov = VcovSpec.NeweyWest(1), Iv = new IvOptions { Estimator = IvEstimatorKind.Gmm },
        }).Single();
        var dk = Regression.Fit(frame, "y ~ w | unit | x ~ z + z2", new FitOptions
        {
            Panel = ("unit", "year"), Vcov = VcovSpec.DriscollKraay(1) with { Small = false },
        }).Single();
        string F3(double v) => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"({F3(gmm["x"]!.StdError)})", md);
        Assert.Contains($"({F3(dk["x"]!.StdError)})", md);
        Assert.True(dk.Vcov.IsNormal);
        Assert.Contains("large-sample conventions", md);
    }

    [Fact]
    public void Small_false_is_refused_for_panel_models()
    {
        string folder = StudyTestData.Folder(20, 4, strength: 1.0);
        string study = StudyTestData.Study(folder, """
            data: { file: panel.csv }
            panel: { id: unit, time: year }
            tables:
              - name: fe
                columns:
                  - formula: "y ~ x"
                    model: fe
                    small: false
            """);
        var ex = Assert.ThrowsAny<UserInputException>(() => StudyPlanner.Plan(StudyFileReader.Read(study)));
        Assert.Contains("small: false", ex.Message);
    }
}
