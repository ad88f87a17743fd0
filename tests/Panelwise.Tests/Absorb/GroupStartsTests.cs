using Panelwise.Absorb;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>An effect knows where its levels start only when the rows are sorted by it with every level present; the
/// two-effect component count (union-find over the smaller effect) equals the general union-find over all levels.</summary>
public class GroupStartsTests
{
    [Fact]
    public void StartsOfSortedCodesAndNullOtherwise()
    {
        Assert.Equal([0, 2, 3, 6], new FixedEffect("id", [0, 0, 1, 2, 2, 2], 3).GroupStarts!);
        Assert.Null(new FixedEffect("id", [0, 1, 0], 2).GroupStarts);       // level 0 in two runs
        Assert.Null(new FixedEffect("id", [0, 0, 2, 2], 3).GroupStarts);    // level 1 has no rows
        Assert.Null(new FixedEffect("id", [1, 1, 0], 2).GroupStarts);       // descending
        Assert.Equal([2.0, 1, 3], new FixedEffect("id", [0, 0, 1, 2, 2, 2], 3).LevelWeights([]));
    }

    [Theory]
    [InlineData(1, 50, 20, false)]
    [InlineData(2, 50, 20, true)]
    [InlineData(3, 30, 40, true)]
    [InlineData(4, 200, 3, false)]
    public void TwoEffectComponentsEqualTheGeneralCount(int seed, int largeLevels, int smallLevels, bool split)
    {
        var rng = new Random(seed);
        int n = 4 * largeLevels;
        var a = new int[n];
        var b = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = i < largeLevels ? i : rng.Next(largeLevels); // every level occurs
            // split: the lower half of a only meets the lower half of b, so the graph has several components.
            int half = smallLevels / 2;
            b[i] = split ? (a[i] < largeLevels / 2 ? rng.Next(half) : half + rng.Next(smallLevels - half)) : rng.Next(smallLevels);
        }
        var all = Enumerable.Repeat(true, n).ToArray();
        var fa = new FixedEffect("a", a, largeLevels).Filter(all, n);
        var fb = new FixedEffect("b", b, smallLevels).Filter(all, n);
        int general = FixedEffectGraph.Components([fa, fb]);
        Assert.Equal(general, FixedEffectGraph.Components(fa, fb));
        Assert.Equal(general, FixedEffectGraph.Components(fb, fa));
        if (split) Assert.True(general >= 2);
    }
}
