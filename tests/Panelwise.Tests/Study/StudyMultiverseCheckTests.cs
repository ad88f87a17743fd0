using System.Globalization;
using System.Text;
using System.Text.Json;
using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>The multiverse check's kinds, on data where x has no effect of its own and only looks like one when the
/// confounder z is left out (y = z + e, x = z + u): a baseline without z is significant while the specifications
/// with z are not ("baseline_fragile" in a curve too short for an extreme tenth), and in a curve of fifteen the
/// specification with the largest estimate, made the baseline, lies in its top tenth ("baseline_extreme"). Rank,
/// percentile and shares are recomputed from results.json's specs.</summary>
public class StudyMultiverseCheckTests
{
    private static string Folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var csv = new StringBuilder("y,x,z,w,g\n");
        for (int i = 0; i < 400; i++)
        {
            double z = Normal();
            csv.Append(string.Join(",", new object[] { z + Normal(), z + Normal(), z, Normal(), i % 4 }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "data.csv"), csv.ToString());
        return dir;
    }

    private static JsonElement Run(string dir, string block)
    {
        string study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, "data: { file: data.csv }\ntables:\n  - name: mv\n    multiverse:\n" + block);
        string output = Path.Combine(dir, "out");
        StudyRunner.Run(StudyPlanner.Plan(StudyFileReader.Read(study)), output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        return json.RootElement.Clone();
    }

    private static JsonElement Check(JsonElement results) => results.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("table").GetString() == "mv");

    private static List<(int Number, double Estimate, double P)> Specs(JsonElement results) =>
        [.. results.GetProperty("tables")[0].GetProperty("multiverse").GetProperty("specs").EnumerateArray()
            .Select(s => (s.GetProperty("spec").GetInt32(), s.GetProperty("estimate").GetDouble(), s.GetProperty("p_value").GetDouble()))];

    private static int Rank(List<(int Number, double Estimate, double P)> specs, int number) =>
        specs.OrderBy(s => s.Estimate).ThenBy(s => s.Number).Select(s => s.Number).ToList().IndexOf(number) + 1;

    [Fact]
    public void A_significant_baseline_that_few_specifications_share_is_fragile()
    {
        var results = Run(Folder(), "      y: [y]\n      x: [x]\n      controls: [none, z, \"z + w\"]\n      baseline: \"controls = none\"\n");
        var specs = Specs(results);
        Assert.True(specs[0].P < 0.05, "the confounded baseline should be significant");
        double sameSign = (double)specs.Count(s => s.P < 0.05 && s.Estimate * specs[0].Estimate > 0) / specs.Count;
        Assert.True(sameSign < 0.5, $"share {sameSign}");
        var check = Check(results);
        Assert.Equal("baseline_fragile", check.GetProperty("kind").GetString());
        string message = check.GetProperty("message").GetString()!;
        int rank = Rank(specs, 1);
        Assert.Contains($"ranks {rank} of 3 (1 = smallest estimate), percentile {(100.0 * (rank - 1) / 2).ToString("0.#", CultureInfo.InvariantCulture)}", message);
        Assert.Contains($"Only {(100 * sameSign).ToString("0.#", CultureInfo.InvariantCulture)}% of the specifications are significant with its sign", message);
    }

    [Fact]
    public void The_largest_estimate_as_baseline_is_extreme_and_a_middle_one_is_not()
    {
        string dir = Folder();
        const string Block = "      y: [y]\n      x: [x]\n      controls: [none, z, \"z + w\"]\n      sample: [all, \"g != 0\", \"g != 1\", \"g != 2\", \"g != 3\"]\n";
        var specs = Specs(Run(dir, Block));
        Assert.Equal(15, specs.Count);
        // Specs enumerate controls outer, sample inner: number = 5 * control + sample + 1.
        string[] controls = ["none", "z", "z + w"], samples = ["all", "g != 0", "g != 1", "g != 2", "g != 3"];
        string Baseline(int number) => $"controls = {controls[(number - 1) / 5]} & sample = {samples[(number - 1) % 5]}";
        var largest = specs.MaxBy(s => s.Estimate);
        var check = Check(Run(dir, Block + $"      baseline: \"{Baseline(largest.Number)}\"\n"));
        Assert.Equal("baseline_extreme", check.GetProperty("kind").GetString());
        Assert.Contains("ranks 15 of 15 (1 = smallest estimate), percentile 100 (0 = smallest, 100 = largest)", check.GetProperty("message").GetString());
        Assert.Contains("It lies in the most extreme tenth of the curve: it overstates", check.GetProperty("message").GetString());
        var middle = specs.OrderBy(s => s.Estimate).ThenBy(s => s.Number).ElementAt(7);
        var inside = Check(Run(dir, Block + $"      baseline: \"{Baseline(middle.Number)}\"\n"));
        Assert.NotEqual("baseline_extreme", inside.GetProperty("kind").GetString());
        Assert.Contains("ranks 8 of 15 (1 = smallest estimate), percentile 50", inside.GetProperty("message").GetString());
    }
}
