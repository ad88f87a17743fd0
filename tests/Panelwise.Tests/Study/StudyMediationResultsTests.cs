using System.Globalization;
using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Methods.Mediation;
using Panelwise.Methods.Resampling;
using Panelwise.Render.Tables;
using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Study;

/// <summary>A mediation table's estimates reach results.json (each mediator and, with several, the joint equation),
/// the joint column is drawn, and the Sobel-vs-bootstrap check fires exactly when the two disagree at 5%.</summary>
public class StudyMediationResultsTests
{
    private const string Study = """
        data: { file: produc.csv }
        panel: { id: state, time: year }
        tables:
          - name: mechanism
            mediate:
              y: log_gsp
              x: log_pcap
              m: [log_emp, log_pc]
              controls: "unemp"
              fe: "state + year"
              vcov: "cluster:state"
              bootstrap: 40
              seed: 2
        """;

    [Fact]
    public void Mediation_estimates_and_the_joint_equation_are_in_results_json_and_the_table()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string csv = ReferencePath.Of("oracle", "data", "produc.csv");
        File.Copy(csv, Path.Combine(dir, "produc.csv"));
        File.WriteAllText(Path.Combine(dir, "study.yaml"), Study);
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(Path.Combine(dir, "study.yaml"))), Path.Combine(dir, "out"));

        var spec = new MediationSpec
        {
            Outcome = "log_gsp", Treatment = "log_pcap", Mediators = ["log_emp", "log_pc"], Controls = "unemp",
            FixedEffects = "state + year", BootstrapReps = 40, Seed = 2,
        };
        var direct = MediationAnalysis.Run(DataReader.Read(csv), spec, new FitOptions { Panel = ("state", "year"), Vcov = VcovSpec.Parse("cluster:state") });
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "results.json")));
        var mediation = json.RootElement.GetProperty("tables")[0].GetProperty("mediation");
        Assert.Equal(direct.Nobs, mediation.GetProperty("nobs").GetInt32());
        var mediators = mediation.GetProperty("mediators").EnumerateArray().ToList();
        for (int j = 0; j < 2; j++)
        {
            var e = direct.Each[j];
            var m = mediators[j];
            Assert.Equal(e.Mediator, m.GetProperty("mediator").GetString());
            Assert.Equal(e.Indirect.Estimate, m.GetProperty("indirect").GetProperty("estimate").GetDouble(), 12);
            Assert.Equal(e.Sobel.Z, m.GetProperty("sobel").GetProperty("z").GetDouble(), 12);
            Assert.Equal(e.Sobel.PValue, m.GetProperty("sobel").GetProperty("p_value").GetDouble(), 12);
            Assert.Equal(e.Bootstrap!.Low, m.GetProperty("bootstrap").GetProperty("ci_low").GetDouble(), 12);
            Assert.Equal(e.Bootstrap.High, m.GetProperty("bootstrap").GetProperty("ci_high").GetDouble(), 12);
            Assert.Equal(e.Share, m.GetProperty("share").GetDouble(), 12);
        }
        var joint = mediation.GetProperty("joint");
        Assert.Equal(direct.Joint!.Indirect.Estimate, joint.GetProperty("indirect").GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(direct.Joint.Paths[1].B.Estimate, joint.GetProperty("paths")[1].GetProperty("b").GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(direct.Joint.Bootstrap!.High, joint.GetProperty("bootstrap").GetProperty("ci_high").GetDouble(), 12);

        var lines = File.ReadAllLines(Path.Combine(dir, "out", "mechanism.md"));
        Assert.Contains("Joint: Y ~ X + all M", lines[2]);
        var indirect = lines.Single(l => l.StartsWith("| Indirect effect a×b |"));
        Assert.Contains(direct.Joint.Indirect.Estimate.ToString("F3", CultureInfo.InvariantCulture), indirect.Split('|')[^2]);
    }

    private static MediatorResult Mediator(double sobelP, double low, double high) => new()
    {
        Mediator = "m",
        Total = new PathEstimate(0.3, 0.1, 0.01),
        A = new PathEstimate(0.5, 0.1, 0.01),
        B = new PathEstimate(0.2, 0.1, 0.05),
        Direct = new PathEstimate(0.2, 0.1, 0.05),
        Indirect = new PathEstimate(0.1, 0.05, sobelP),
        Sobel = new ProductTest(2.0, sobelP),
        Aroian = new ProductTest(2.0, sobelP),
        Goodman = new ProductTest(2.0, sobelP),
        Bootstrap = double.IsNaN(low) ? null : new BootstrapInterval(500, 0, low, high, low, high, 0.05),
        Share = 1.0 / 3,
    };

    private static IReadOnlyList<StudyCheck> Checks(params MediatorResult[] each)
    {
        var result = new MediationResult { Nobs = 100, Each = each, VcovConvention = "iid", Notes = [] };
        var table = new TableResult { Name = "mechanism", Table = new TableModel { HeaderRows = [], Groups = [] }, Mediation = result };
        return StudyChecks.Find([table]);
    }

    [Fact]
    public void Sobel_significant_but_bootstrap_interval_covering_zero_is_flagged()
    {
        var check = Assert.Single(Checks(Mediator(0.01, -0.02, 0.25)));
        Assert.Equal("sobel_bootstrap", check.Kind);
        Assert.Equal(3, check.Column);
        Assert.Equal("mechanism, column (3) 'Y ~ X + M'", check.Where);
        Assert.Equal("the indirect effect through m is significant by the Sobel test (Sobel z = 2.000, p = 0.010) but its bootstrap 95% interval [-0.020, 0.250] covers 0. The Sobel test assumes a·b is normally distributed, which it rarely is; report the bootstrap interval and do not claim mediation on the Sobel test alone.", check.Message);
    }

    [Fact]
    public void Bootstrap_excluding_zero_but_sobel_not_significant_is_flagged_for_the_right_mediator()
    {
        var check = Assert.Single(Checks(Mediator(0.01, 0.02, 0.25), Mediator(0.08, 0.01, 0.30)));
        Assert.Equal(5, check.Column);
        Assert.StartsWith("the indirect effect through m has a bootstrap 95% interval [0.010, 0.300] that excludes 0, but the Sobel test does not find it significant at 5%", check.Message);
    }

    [Fact]
    public void Agreeing_tests_or_no_bootstrap_stay_silent()
    {
        Assert.Empty(Checks(Mediator(0.01, 0.02, 0.25), Mediator(0.40, -0.1, 0.3), Mediator(0.01, double.NaN, double.NaN)));
    }
}
