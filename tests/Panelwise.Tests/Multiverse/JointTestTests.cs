using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.Methods.Multiverse;
using Panelwise.Methods.Resampling;
using Panelwise.Models;
using Xunit;

namespace Panelwise.Tests.SpecificationCurve;

/// <summary>The joint test's shortcut (refit y on the resample and shift by b_s) against the procedure as Simonsohn
/// et al. describe it, built here by hand: y* = y - b_s x as a new column, the same seeded cluster draws (each copy a
/// unit of its own), each specification fitted on y* with Regression.Fit, and the statistics counted from those fits.</summary>
public class JointTestTests
{
    [Fact]
    public void Shortcut_equals_refitting_the_outcome_with_the_effect_removed()
    {
        var frame = MultiverseTests.Panel();
        var options = new FitOptions { Panel = ("id", "year") };
        var spec = new MultiverseSpec
        {
            Outcomes = ["y1"], FocalTerms = ["x"], ControlSets = ["none", "c2"], FixedEffectSets = ["none", "id"],
            Vcovs = ["cluster:id", "hc1"], JointDraws = 12, Seed = 7,
        };
        var result = Multiverse.Run(frame, spec, options);
        var joint = result.Joint!;
        Assert.Equal(12, joint.DrawsUsed);

        var resampler = new FrameResampler(frame, "id", 7);
        var medians = new List<double>();
        var counts = new List<int>();
        for (int d = 0; d < 12; d++)
        {
            var draw = resampler.Next("copy");
            draw = draw.With(new NumericColumn("id", draw.Numeric("copy").Values));
            var shifted = new List<double>();
            int count = 0;
            foreach (var e in result.Estimates)
            {
                var y = draw.Numeric("y1").Values;
                var x = draw.Numeric("x").Values;
                var withStar = draw.With(new NumericColumn("ystar", y.Select((v, i) => v - e.Estimate * x[i]).ToArray()));
                string formula = e.Spec.Formula.Replace("y1 ~", "ystar ~", StringComparison.Ordinal);
                var row = Regression.Fit(withStar, formula, options with { Vcov = VcovSpec.Parse(e.Spec.Vcov) })[0]["x"]!;
                shifted.Add(row.Estimate);
                if (row.ConfLow > 0) count++;
            }
            var sorted = shifted.Order().ToArray();
            medians.Add((sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2);
            counts.Add(count);
        }
        for (int d = 0; d < 12; d++)
        {
            Assert.True(Math.Abs(medians[d] - joint.DrawMedians[d]) <= 1e-9 * Math.Max(1, Math.Abs(medians[d])), $"draw {d}: {joint.DrawMedians[d]} vs {medians[d]}");
            Assert.Equal(counts[d], joint.DrawCounts[d]);
        }
        Assert.Equal(1, joint.Direction);
        Assert.Equal(result.Estimates.Count(e => e.ConfLow > 0), joint.SignificantCount);
        Assert.Equal(medians.Count(m => m >= result.Summary.Median) / 12.0, joint.MedianPValue);
        Assert.Equal(counts.Count(c => c >= joint.SignificantCount) / 12.0, joint.SignificantPValue);
        // x has a real effect in y1 (0.5): no null draw reaches the observed curve.
        Assert.Equal(0, joint.MedianPValue);
    }
}
