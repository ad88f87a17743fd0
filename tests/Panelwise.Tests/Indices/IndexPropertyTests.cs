using FsCheck.Xunit;
using Panelwise.Data;
using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>Properties the issue asks for, on random data drawn from a seeded generator.</summary>
public sealed class IndexPropertyTests
{
    private static double[][] RandomIndicators(int seed, int m, int n)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 100 - 20).ToArray()).ToArray();
    }

    private static Frame FrameOf(double[][] columns, string prefix = "x") =>
        new(columns.Select((c, j) => (Column)new NumericColumn($"{prefix}{j}", c)).ToList());

    private static IndexSpec Spec(WeightingMethod method, int m, Func<int, Direction>? direction = null) => new()
    {
        Root = new IndexNode
        {
            Name = "idx",
            Method = method,
            Indicators = Enumerable.Range(0, m).Select(j => new IndicatorSpec { Column = $"x{j}", Direction = direction?.Invoke(j) ?? Direction.Positive }).ToList(),
        },
    };

    [Property(MaxTest = 100)]
    public bool Weights_are_non_negative_and_sum_to_one(int seed)
    {
        int m = 2 + Math.Abs(seed % 5), n = 3 + Math.Abs(seed % 17);
        var data = FrameOf(RandomIndicators(seed, m, n));
        return new[] { WeightingMethod.Entropy, WeightingMethod.Critic, WeightingMethod.Equal }.All(method =>
        {
            var weights = IndexBuilder.Build(data, Spec(method, m)).Weights.Select(w => w.Weight).ToArray();
            return weights.All(w => w >= 0) && Math.Abs(weights.Sum() - 1) < 1e-12;
        });
    }

    [Property(MaxTest = 100)]
    public bool Min_max_entropy_weights_are_invariant_to_positive_affine_transforms(int seed)
    {
        int m = 3, n = 10;
        var columns = RandomIndicators(seed, m, n);
        var rng = new Random(seed ^ 0x5eed);
        double scale = 0.01 + rng.NextDouble() * 1000, offset = rng.NextDouble() * 2000 - 1000;
        var moved = columns.Select((c, j) => j == 1 ? c.Select(v => scale * v + offset).ToArray() : c).ToArray();
        var before = IndexBuilder.Build(FrameOf(columns), Spec(WeightingMethod.Entropy, m)).Weights;
        var after = IndexBuilder.Build(FrameOf(moved), Spec(WeightingMethod.Entropy, m)).Weights;
        return before.Zip(after).All(p => Math.Abs(p.First.Weight - p.Second.Weight) < 1e-9);
    }

    [Property(MaxTest = 100)]
    public bool Reversing_a_negative_indicator_and_its_direction_gives_the_same_index(int seed)
    {
        int m = 3, n = 12;
        var columns = RandomIndicators(seed, m, n);
        var flipped = columns.Select((c, j) => j == 0 ? c.Select(v => -v).ToArray() : c).ToArray();
        var a = IndexBuilder.Build(FrameOf(columns), Spec(WeightingMethod.Entropy, m, j => j == 0 ? Direction.Negative : Direction.Positive));
        var b = IndexBuilder.Build(FrameOf(flipped), Spec(WeightingMethod.Entropy, m));
        return a.Data.Numeric("idx").Values.Zip(b.Data.Numeric("idx").Values).All(p => Math.Abs(p.First - p.Second) < 1e-12);
    }

    [Theory]
    [InlineData(WeightingMethod.Entropy)]
    [InlineData(WeightingMethod.Critic)]
    public void A_constant_indicator_gets_weight_zero_with_a_note(WeightingMethod method)
    {
        var columns = RandomIndicators(7, 3, 20);
        Array.Fill(columns[2], 4.5);
        var result = IndexBuilder.Build(FrameOf(columns), Spec(method, 3));
        Assert.Equal(0.0, result.Weights.Single(w => w.Child == "x2").Weight);
        Assert.Contains("'x2' is constant over the sample, so it carries no information and gets weight 0 in 'idx'.", result.Notes.Select(n => n.Text));
    }
}
