using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Panelwise.Estimation;
using Panelwise.Estimation.IV;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Render.Tables;
using Panelwise.Study;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Study;

/// <summary>Test-statistic rows (IV diagnostics) in study tables, the reproducibility stamp, and the referee checks.</summary>
public class StudyChecksTests
{
    private const string IvStudy = """
        data: { file: panel.csv }
        panel: { id: unit, time: year }
        tables:
          - name: iv
            title: "Table 4: Endogeneity"
            tests: [first_f, kp_f, cd_f, sy10, kp_lm_p, hansen_p]
            columns:
              - formula: "y ~ x + w | unit"
                vcov: cluster:unit
                title: OLS
              - formula: "y ~ w | unit | x ~ z + z2"
                vcov: cluster:unit
                title: 2SLS
              - formula: "y ~ w | unit | x ~ z + z2"
                vcov: cluster:unit
                estimator: liml
                title: LIML
        """;

    private static (string Dir, StudyOutcome Outcome) Run(string folder, string yaml)
    {
        string study = StudyTestData.Study(folder, yaml);
        string output = Path.Combine(folder, "out-" + Guid.NewGuid().ToString("N"));
        return (output, StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output, settingNames: Panelwise.Cli.CliFlags.Name)); // as `panelwise run` does
    }

    /// <summary>The cells of the Markdown row labelled <paramref name="label"/>.</summary>
    private static string[] Cells(string markdown, string label) =>
        markdown.Split('\n').Single(l => l.StartsWith($"| {label} |", StringComparison.Ordinal))
            .Split('|').Skip(2).SkipLast(1).Select(c => c.Trim()).ToArray();

    [Fact]
    public void Iv_columns_show_the_requested_test_rows()
    {
        string folder = StudyTestData.Folder(60, 5, strength: 1.0);
        var (output, _) = Run(folder, IvStudy);
        string md = File.ReadAllText(Path.Combine(output, "iv.md"));
        var frame = DataReader.Read(Path.Combine(folder, "panel.csv"));
        var options = new FitOptions { Panel = ("unit", "year"), Vcov = VcovSpec.Cluster("unit") };
        var tsls = Regression.Fit(frame, "y ~ w | unit | x ~ z + z2", options).Single().Iv!;
        var liml = Regression.Fit(frame, "y ~ w | unit | x ~ z + z2", options with { Iv = new IvOptions { Estimator = IvEstimatorKind.Liml } }).Single().Iv!;
        static string F3(double? v) => v!.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        // p-values below 0.001 print as "<0.001" (escaped in Markdown), not as a misleading 0.000.
        static string P3(double? v) => v < 0.001 ? "\\<0.001" : F3(v);
        Assert.Equal(["", F3(tsls.FirstStage[0].F.Statistic), F3(liml.FirstStage[0].F.Statistic)], Cells(md, "First-stage F"));
        Assert.Equal(["", F3(tsls.KpRkWaldF), F3(liml.KpRkWaldF)], Cells(md, "KP rk Wald F"));
        Assert.Equal(["", F3(tsls.CraggDonaldF), F3(liml.CraggDonaldF)], Cells(md, "Cragg-Donald F"));
        // Stock-Yogo values are tabulated for 2SLS only: the LIML cell stays empty.
        Assert.Equal(["", F3(tsls.StockYogo!.Size10), ""], Cells(md, "Stock-Yogo 10% size"));
        Assert.Null(liml.StockYogo);
        Assert.Equal(["", P3(tsls.KpRkLm!.PValue), P3(liml.KpRkLm!.PValue)], Cells(md, "KP rk LM (p)"));
        Assert.Equal(["", P3(tsls.HansenJ!.PValue), P3(liml.HansenJ!.PValue)], Cells(md, "Hansen J (p)"));
        Assert.Contains("\"estimator\": \"liml\"", File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal("2sls", tsls.Estimator);
    }

    [Fact]
    public void Column_tests_fill_only_their_own_column()
    {
        string folder = StudyTestData.Folder(60, 5, strength: 1.0);
        var (output, _) = Run(folder, """
            data: { file: panel.csv }
            panel: { id: unit, time: year }
            tables:
              - name: iv
                tests: [first_f]
                columns:
                  - { formula: "y ~ x + w | unit", vcov: cluster:unit }
                  - { formula: "y ~ w | unit | x ~ z + z2", vcov: cluster:unit }
                  - { formula: "y ~ w | unit | x ~ z + z2", vcov: cluster:unit, tests: [kp_lm_p, first_f] }
            """);
        string md = File.ReadAllText(Path.Combine(output, "iv.md"));
        var rows = md.Split('\n').Where(l => l.StartsWith("| KP", StringComparison.Ordinal) || l.StartsWith("| First", StringComparison.Ordinal)).ToList();
        Assert.Equal(["| First-stage F |  | 71.242 | 71.242 |", "| KP rk LM (p) |  |  | \\<0.001 |"], rows);
    }

    [Fact]
    public void The_stamp_names_hashes_seeds_and_version_and_is_stable()
    {
        string folder = StudyTestData.Folder(60, 5, strength: 1.0);
        var (first, _) = Run(folder, IvStudy);
        var (second, _) = Run(folder, IvStudy);
        string Stamp(string dir) => File.ReadAllLines(Path.Combine(dir, "iv.md")).Last(l => l.StartsWith("Reproducibility:", StringComparison.Ordinal));
        string stamp = Stamp(first);
        Assert.Equal(stamp, Stamp(second));
        string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))))[..12];
        Assert.Equal($"Reproducibility: study study.yaml sha256:{Hash("study.yaml")}; data panel.csv sha256:{Hash("panel.csv")}; seeds: none; Panelwise {ReproducibilityStamp.Version}.", stamp);
        Assert.Matches(new Regex(@"^0\.1\.0(\+[0-9a-f]{1,12})?$"), ReproducibilityStamp.Version);
        Assert.Contains(stamp.Replace("_", "\\_"), File.ReadAllText(Path.Combine(first, "iv.tex")).Replace("\\%", "%"));
        Assert.Contains($"\"stamp\": \"{stamp}\"", File.ReadAllText(Path.Combine(first, "results.json")));
        var (off, _) = Run(folder, "stamp: false\n" + IvStudy);
        Assert.DoesNotContain("Reproducibility:", File.ReadAllText(Path.Combine(off, "iv.md")));
    }

    [Fact]
    public void Checks_flag_few_clusters_weak_instruments_collinearity_singletons_and_gaps()
    {
        string folder = StudyTestData.Folder(10, 8, strength: 0.05, singleton: true);
        var (output, outcome) = Run(folder, """
            data: { file: panel.csv }
            panel: { id: unit, time: year }
            tables:
              - name: bad
                columns:
                  - formula: "y ~ x + w + x2 | unit"
                    vcov: cluster:unit
                    title: Collinear
                  - formula: "y ~ w | unit | x ~ z + z2"
                    vcov: cluster:unit
                  - formula: "y ~ x + w"
                    vcov: hc1
                    if: "keep == 1"
            """);
        var found = outcome.Checks.Select(c => (c.Column, c.Kind)).ToHashSet();
        Assert.Contains((1, "few_clusters"), found);
        Assert.Contains((1, "collinear"), found);
        Assert.Contains((1, "singletons"), found);
        Assert.Contains((2, "few_clusters"), found);
        Assert.Contains((2, "weak_instruments"), found);
        Assert.Contains((3, "panel_shape"), found);
        Assert.DoesNotContain((3, "few_clusters"), found);
        string md = File.ReadAllText(Path.Combine(output, "checks.md"));
        Assert.Contains("- **bad, columns (1)-(2)**: only 10 clusters (unit): cluster-robust standard errors and p-values are unreliable with fewer than about 50 clusters. Check the result with the wild cluster bootstrap (panelwise fit ... --vcov cluster:unit --wildboot).", md);
        Assert.Contains("- **bad, column (1) 'Collinear'**: dropped as collinear with the other regressors or the fixed effects: x2.", md);
        Assert.Contains("- **bad, columns (1)-(2)**: 1 singleton observation(s) dropped", md);
        Assert.Contains("- **bad, column (2)**: weak instruments: the Kleibergen-Paap rk Wald F is ", md);
        Assert.Matches(@"- \*\*bad, column \(3\)\*\*: N = \d+ fills only \d+\.\d% of units x periods = 11 x 8 = 88: the panel has many gaps", md);
        string json = File.ReadAllText(Path.Combine(output, "results.json"));
        Assert.Contains("\"kind\": \"weak_instruments\"", json);
    }

    [Fact]
    public void Checks_stay_silent_on_a_clean_study()
    {
        string folder = StudyTestData.Folder(60, 5, strength: 1.0);
        var (output, outcome) = Run(folder, IvStudy);
        Assert.Empty(outcome.Checks);
        Assert.EndsWith("Nothing to flag.\n", File.ReadAllText(Path.Combine(output, "checks.md")));
        Assert.Contains("\"checks\": []", File.ReadAllText(Path.Combine(output, "results.json")));
    }

    [Fact]
    public void An_unknown_test_name_lists_the_valid_ones()
    {
        string folder = StudyTestData.Folder(10, 3, strength: 1.0);
        string path = StudyTestData.Study(folder, """
            data: { file: panel.csv }
            tables:
              - name: t
                tests: [cd_ff, f]
                columns:
                  - formula: "y ~ x + w"
                    estimator: liml
            """);
        var ex = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(path)));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal([
            $"{path} line 7: estimator 'liml' applies to IV formulas only: write the formula as \"y ~ x | fe | endogenous ~ instruments\" or remove 'estimator'.",
            $"{path} line 4: unknown test 'cd_ff' in 'tests'. Did you mean 'cd_f'? Valid tests: {string.Join(", ", TestRowCatalog.Names)}.",
        ], ex.Problems.Select(p => p));
        Assert.Equal("f, f_u, bp_lm, anderson_lm, kp_lm, kp_lm_p, kp_f, cd_f, sy10, first_f, sargan_p, hansen_j, hansen_p, endog_p, ar_p", string.Join(", ", TestRowCatalog.Names));
    }
}
