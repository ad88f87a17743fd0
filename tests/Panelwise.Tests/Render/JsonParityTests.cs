using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using Panelwise.Data;
using Panelwise.Methods.Matching;
using Panelwise.Methods.Mediation;
using Panelwise.Render.Json;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>The command's --json and a study's results.json describe the same object in the same words: both come
/// from one writer in Panelwise.Render.Json. Also pins the drift fixes of issue 16 (the study's mediation block gained
/// Aroian/Goodman, the Sobel test per joint path and the bootstrap's resampling; mediate --json gained the top-level
/// resampling).</summary>
public class JsonParityTests
{
    private static Frame Simulate(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] x = new double[n], m = new double[n], m2 = new double[n], y = new double[n], d = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Normal();
            m[i] = 0.5 * x[i] + Normal();
            m2[i] = 0.3 * x[i] + Normal();
            y[i] = 0.3 * x[i] + 0.4 * m[i] + 0.2 * m2[i] + Normal();
            d[i] = random.NextDouble() < 1 / (1 + Math.Exp(0.5 - 0.8 * x[i])) ? 1 : 0;
        }
        return new Frame([new NumericColumn("x", x), new NumericColumn("m", m), new NumericColumn("m2", m2), new NumericColumn("y", y), new NumericColumn("d", d)]);
    }

    private static JsonNode Block(Action<Utf8JsonWriter> write, string name) =>
        JsonNode.Parse(JsonContract.Document(w => { w.WriteStartObject(); write(w); w.WriteEndObject(); }))![name]!;

    [Fact]
    public void Several_mediators_study_block_equals_the_command_document_without_notes()
    {
        var r = MediationAnalysis.Run(Simulate(150, 1), new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m", "m2"], BootstrapReps = 9, Seed = 2 });
        var command = JsonNode.Parse(MediationJson.Write(r))!.AsObject();
        command.Remove("notes");
        var block = Block(w => MediationJson.WriteBlock(w, r), "mediation");
        Assert.True(JsonNode.DeepEquals(command, block), $"{command}\n---\n{block}");
        Assert.Equal("cases", block["resampling"]!.GetValue<string>());
        foreach (var path in block["joint"]!["paths"]!.AsArray()) Assert.NotNull(path!["sobel"]!["z"]);
        Assert.Equal("cases", block["joint"]!["bootstrap"]!["resampling"]!.GetValue<string>());
        Assert.NotNull(block["mediators"]![0]!["aroian"]);
    }

    [Fact]
    public void One_mediator_command_document_holds_the_study_blocks_mediator_at_the_top()
    {
        var r = MediationAnalysis.Run(Simulate(150, 3), new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m"] });
        var command = JsonNode.Parse(MediationJson.Write(r))!.AsObject();
        var block = Block(w => MediationJson.WriteBlock(w, r), "mediation")!.AsObject();
        var mediator = block["mediators"]![0]!.AsObject();
        foreach (var (key, value) in mediator) Assert.True(JsonNode.DeepEquals(value, command[key]), key);
        foreach (var key in new[] { "nobs", "vcov" }) Assert.True(JsonNode.DeepEquals(block[key], command[key]), key);
        Assert.False(block.ContainsKey("resampling"));
        Assert.Null(command["bootstrap"]);
    }

    [Fact]
    public void Study_match_block_counts_are_the_command_counts_and_score_p_values_are_normal_two_sided()
    {
        var spec = new MatchingSpec { Treatment = "d", Covariates = ["x", "m"], Outcome = "y", Replace = false };
        var r = PropensityMatching.Run(Simulate(200, 4), spec);
        var command = JsonNode.Parse(MatchJson.Write(r, spec))!;
        var block = Block(w => MatchJson.WriteSample(w, spec, r.Counts), "match");
        Assert.Equal(command["n_treated"]!.GetValue<int>(), block["treated"]!.GetValue<int>());
        Assert.Equal(command["n_treated_matched"]!.GetValue<int>(), block["treated_matched"]!.GetValue<int>());
        Assert.Equal(command["n_controls_used"]!.GetValue<int>(), block["controls_matched"]!.GetValue<int>());
        Assert.Equal(r.SampleRows.Length - r.Treated, block["controls"]!.GetValue<int>());
        Assert.Equal(r.Treated - r.TreatedMatched, block["off_support"]!.GetValue<int>());
        Assert.Equal(command["pscore"]!["model"]!.GetValue<string>(), block["score"]!.GetValue<string>());
        // p = 2 (1 - Φ(|z|)) by MathNet's normal distribution, independently of Panelwise's TailProbability.
        var rows = command["pscore"]!["coefficients"]!.AsArray();
        for (int j = 0; j < rows.Count; j++)
        {
            double z = r.Propensity.Coefficients[j] / r.Propensity.StdErrors[j];
            Assert.Equal(z, rows[j]!["z"]!.GetValue<double>(), 12);
            Assert.Equal(2 * Normal.CDF(0, 1, -Math.Abs(z)), rows[j]!["p_value"]!.GetValue<double>(), 1e-12);
        }
    }
}
